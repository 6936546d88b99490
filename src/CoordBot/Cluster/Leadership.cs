namespace CoordBot.Cluster;

/// <summary>
/// A role that exactly one instance of a cluster may hold at a time, named by the PostgreSQL advisory lock that
/// stands for it: the pair (<see cref="ClassId"/>, <see cref="Key"/>), so <c>pg_locks</c> shows them as CoordBot's.
/// Advisory locks are per database, so bots on different databases of one server never meet.
/// </summary>
public sealed record Leadership(string Name, int Key)
{
    /// <summary>"CoBo": the first number of every CoordBot advisory lock.</summary>
    public const int ClassId = 0x436F_426F;

    // Key 1 was the cluster-wide write lock, taken by every unit of work until wave 5; it is not used again, so a
    // pg_locks reading of an older instance is never mistaken for a role.

    /// <summary>The one instance that calls getUpdates (Telegram allows one consumer per token).</summary>
    public static readonly Leadership Poller = new("poller", 2);

    /// <summary>The one instance that sends the outbox, so the bot-wide and per-chat limits hold across instances.</summary>
    public static readonly Leadership Sender = new("sender", 3);

    /// <summary>The one instance that publishes the bot-wide command menus, once per term.</summary>
    public static readonly Leadership Menus = new("menu publisher", 4);

    public override string ToString() => Name;
}
