namespace CoordBot.BotApi.Internal;

internal sealed record StoredFile(string FileId, string FileUniqueId, string FileName, string MimeType, byte[] Content, string FilePath);
