using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoordBot.BotApi;
using Microsoft.Extensions.Time.Testing;
using Telegram.Bot;

namespace CoordBot.Tests.BotApi;

/// <summary>Starts an emulator on a free port and talks to it as raw HTTP or through the real Telegram.Bot client.</summary>
internal sealed class EmulatorKit : IAsyncDisposable
{
    public static readonly TimeSpan SafetyNet = TimeSpan.FromSeconds(10);

    private EmulatorKit(BotApiEmulator emulator, FakeTimeProvider time)
    {
        Emulator = emulator;
        Time = time;
        Http = new HttpClient { BaseAddress = emulator.BaseUrl, Timeout = SafetyNet };
        // Telegram.Bot 22 retries a 429 by itself after sleeping retry_after seconds; the tests want to see the 429.
        Bot = new TelegramBotClient(new TelegramBotClientOptions(emulator.BotToken, emulator.BaseUrl.ToString()) { RetryThreshold = 0 }, Http);
    }

    public BotApiEmulator Emulator { get; }
    public FakeTimeProvider Time { get; }
    public HttpClient Http { get; }
    public TelegramBotClient Bot { get; }

    public static async Task<EmulatorKit> StartAsync(Func<BotApiEmulatorOptions, BotApiEmulatorOptions>? configure = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 10, 9, 0, 0, TimeSpan.Zero));
        var options = new BotApiEmulatorOptions { TimeProvider = time };
        var emulator = await BotApiEmulator.StartAsync(configure?.Invoke(options) ?? options);
        return new EmulatorKit(emulator, time);
    }

    /// <summary>Calls a Bot API method with a JSON body and returns the HTTP status and the parsed envelope.</summary>
    public async Task<(int Status, JsonObject Body)> CallAsync(string method, object? parameters = null, CancellationToken ct = default)
    {
        using var response = await Http.PostAsJsonAsync($"/bot{Emulator.BotToken}/{method}", parameters ?? new { }, ct);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!.AsObject();
        return ((int)response.StatusCode, body);
    }

    public async Task<JsonArray> UpdatesAsync(long offset = 0, int timeout = 0, CancellationToken ct = default)
    {
        var (status, body) = await CallAsync("getUpdates", new { offset, timeout }, ct);
        Assert.Equal(200, status);
        return body["result"]!.AsArray();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}
