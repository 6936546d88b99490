namespace CoordBot.Telegram.Delivery;

/// <summary>
/// The clock the delivery paces by. Telegram's limits run on real time, so this is the system clock
/// even when the rest of the bot runs on a test's fake clock (a frozen fake clock would otherwise stop
/// every send after the first few). Register <c>new DeliveryClock(fake)</c> to drive pacing from a test.
/// </summary>
public sealed class DeliveryClock(TimeProvider time)
{
    public static readonly DeliveryClock System = new(TimeProvider.System);

    public TimeProvider Time { get; } = time;
}
