using System.Text.Json.Nodes;

namespace CoordBot.BotApi.Internal;

/// <summary>What a scripted scene is doing now, for the page to show while it plays (and which chats to watch).</summary>
internal sealed partial class EmulatorState
{
    private JsonObject? narration;
    private long narrationSeq;

    public void Narrate(string text, IReadOnlyList<long> watch)
    {
        lock (gate)
        {
            narration = new JsonObject
            {
                ["seq"] = ++narrationSeq,
                ["text"] = text,
                ["watch"] = new JsonArray([.. watch.Select(id => (JsonNode)id)]),
            };
            Changed();
        }
    }

    private JsonNode? NarrationJson() => narration?.DeepClone();
}
