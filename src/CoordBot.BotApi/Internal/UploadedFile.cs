namespace CoordBot.BotApi.Internal;

internal sealed record UploadedFile(string FileName, string? ContentType, byte[] Content);
