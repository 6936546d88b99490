using CoordBot.Telegram;
using Telegram.Bot;

namespace CoordBot.Features.Drafts;

/// <summary>Downloads a file a user sent, by its Telegram file id (a narrow port so handlers stay testable).</summary>
public interface IDocumentFetcher
{
    /// <summary>The file's bytes; refuses (returns null) a file larger than <paramref name="maxBytes"/>.</summary>
    Task<byte[]?> DownloadAsync(string fileId, long maxBytes, CancellationToken cancellationToken);
}

/// <summary>GetFile + DownloadFile through the bot's one Telegram.Bot client.</summary>
internal sealed class TelegramDocumentFetcher(BotConnection connection) : IDocumentFetcher
{
    public async Task<byte[]?> DownloadAsync(string fileId, long maxBytes, CancellationToken cancellationToken)
    {
        var client = connection.Client;
        var file = await client.GetFile(fileId, cancellationToken);
        if (file.FilePath is null || file.FileSize > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        await client.DownloadFile(file.FilePath, buffer, cancellationToken);
        return buffer.Length > maxBytes ? null : buffer.ToArray();
    }
}
