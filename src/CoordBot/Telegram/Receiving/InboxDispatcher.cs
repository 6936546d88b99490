namespace CoordBot.Telegram.Receiving;

/// <summary>
/// Hands stored updates to the processor in batches (group commit): oldest first, so each chat's
/// updates are handled in the order Telegram numbered them; a batch covers many chats. Updates stored
/// before a crash (or in a batch that never committed) are handled after the restart.
/// </summary>
public sealed class InboxDispatcher(UpdateProcessor processor, InboxSignal signal, TimeProvider time, ILogger<InboxDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DrainAsync(stoppingToken);
                await signal.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Dispatching updates failed; trying again in 5 seconds");
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(5), time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Handles every stored update not yet handled.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        while (await processor.ProcessPendingAsync(cancellationToken) > 0)
        {
        }
    }
}
