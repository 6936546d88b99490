using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace CoordBot.Telegram.Delivery;

/// <summary>
/// Keeps sending under Telegram's limits: a global bucket plus one bucket per chat (private chats and
/// groups have different allowances). Waiting happens here, before a request, so Telegram rarely has to say 429.
/// </summary>
public sealed class SendThrottle : IAsyncDisposable
{
    private readonly TokenBucketRateLimiter _global;
    private readonly PartitionedRateLimiter<long> _perChat;

    public SendThrottle(IOptions<DeliveryOptions> options)
    {
        var o = options.Value;
        _global = new TokenBucketRateLimiter(Bucket(o.GlobalPerSecond, TimeSpan.FromSeconds(1)));
        _perChat = PartitionedRateLimiter.Create<long, long>(chatId => chatId < 0
            ? RateLimitPartition.GetTokenBucketLimiter(chatId, _ => Bucket(o.GroupPerMinute, TimeSpan.FromMinutes(1)))
            : RateLimitPartition.GetTokenBucketLimiter(chatId, _ => Bucket(o.PrivatePerSecond, TimeSpan.FromSeconds(1))));
    }

    public async ValueTask WaitAsync(long chatId, CancellationToken cancellationToken)
    {
        using var chatLease = await _perChat.AcquireAsync(chatId, 1, cancellationToken);
        using var globalLease = await _global.AcquireAsync(1, cancellationToken);
    }

    /// <summary>A bucket of one token refilled evenly: no burst that a sliding-window limit would punish.</summary>
    private static TokenBucketRateLimiterOptions Bucket(double count, TimeSpan per)
    {
        var period = per / count;
        var minimum = TimeSpan.FromMilliseconds(10);
        var tokensPerPeriod = 1;
        if (period < minimum)
        {
            tokensPerPeriod = (int)Math.Ceiling(minimum / period);
            period = per / count * tokensPerPeriod;
        }

        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = tokensPerPeriod,
            TokensPerPeriod = tokensPerPeriod,
            ReplenishmentPeriod = period,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _global.DisposeAsync();
        await _perChat.DisposeAsync();
    }
}
