using CoordBot.Persistence;

namespace CoordBot.Telegram.Delivery;

/// <summary>The narrow port through which the delivery service reaches Telegram; returns the message id Telegram gave, if any.</summary>
public interface IBotSender
{
    Task<int?> SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}
