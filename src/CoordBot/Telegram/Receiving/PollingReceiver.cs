using CoordBot.Cluster;
using Microsoft.Extensions.Options;

namespace CoordBot.Telegram.Receiving;

/// <summary>
/// Long polling with the Telegram.Bot client. Updates are stored before the next getUpdates confirms
/// them, so nothing sent while the bot was down or crashing is lost; pending updates are never dropped.
/// Telegram allows one getUpdates consumer per token: with several instances only the elected poller polls
/// (<see cref="Leadership.Poller"/>); a new poller starts without an offset, so Telegram hands it again what the
/// last one stored but had not yet confirmed, and the inbox skips those.
/// </summary>
public sealed class PollingReceiver(
    LeaderElection election,
    BotConnection connection,
    InboxWriter inbox,
    IOptions<TelegramOptions> options,
    ILogger<PollingReceiver> logger) : BackgroundService
{
    private static readonly string[] AllowedUpdates = ["message", "callback_query", "my_chat_member"];

    /// <summary>A server that answers an empty poll at once (no long polling) is asked again only after this pause.</summary>
    private static readonly TimeSpan EmptyPollPause = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Pauses are measured and waited on one clock, the real one: they exist to spare the CPU and the
    /// server, which live in real time. (Measuring on one clock and sleeping on another, or sleeping on a
    /// test's frozen fake clock, would either spin or stop receiving for good.)
    /// </summary>
    private static readonly TimeProvider Pace = TimeProvider.System;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => election.LeadAsync(Leadership.Poller, PollAsync, stoppingToken);

    private async Task PollAsync(CancellationToken stoppingToken)
    {
        long? offset = null;
        var failures = 0;
        var fence = election.FenceOf(Leadership.Poller);
        var pollTimeout = options.Value.PollTimeoutSeconds;
        while (!stoppingToken.IsCancellationRequested)
        {
            var started = Pace.GetTimestamp();
            try
            {
                var batch = await connection.Client.SendRequest(
                    new RawGetUpdatesRequest { Offset = offset, Limit = 100, Timeout = pollTimeout, AllowedUpdates = AllowedUpdates },
                    stoppingToken);
                failures = 0;
                var updates = new List<RawUpdate>(batch.Length);
                foreach (var element in batch)
                {
                    if (RawUpdate.From(element) is { } update)
                    {
                        updates.Add(update);
                    }
                    else
                    {
                        logger.LogWarning("Skipped an update without a readable update_id");
                    }
                }

                if (updates.Count > 0)
                {
                    await inbox.StoreAsync(updates, stoppingToken, fence);
                    offset = updates.Max(u => u.UpdateId) + 1;
                }
                else if (EmptyPollPause - Pace.GetElapsedTime(started) is { Ticks: > 0 } rest)
                {
                    await Task.Delay(rest, Pace, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (TermSupersededException ex)
            {
                // Another instance polls now: what this one fetched is not confirmed to Telegram, which hands it to the new poller.
                election.Superseded(ex.Fence);
                return;
            }
            catch (Exception ex)
            {
                failures++;
                var pause = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, Math.Min(failures, 5))));
                // The message only: a full exception could carry the request URL, and with it the token.
                logger.LogWarning("Polling Telegram failed ({ErrorType}: {Reason}); trying again in {Pause}", ex.GetType().Name, connection.Redact(ex.Message), pause);
                try
                {
                    await Task.Delay(pause, Pace, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
