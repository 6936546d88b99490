using System.Text.Json;
using System.Text.Json.Serialization;
using Telegram.Bot.Requests;

namespace CoordBot.Telegram.Receiving;

/// <summary>
/// getUpdates through the Telegram.Bot client, but answered as raw JSON elements: each update is then
/// read on its own, so one that the library cannot parse is logged and skipped instead of failing the batch.
/// </summary>
internal sealed class RawGetUpdatesRequest() : RequestBase<JsonElement[]>("getUpdates")
{
    [JsonPropertyName("offset")]
    public long? Offset { get; init; }

    [JsonPropertyName("limit")]
    public int? Limit { get; init; }

    [JsonPropertyName("timeout")]
    public int? Timeout { get; init; }

    [JsonPropertyName("allowed_updates")]
    public IReadOnlyList<string>? AllowedUpdates { get; init; }
}
