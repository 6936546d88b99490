namespace CoordBot.Persistence;

/// <summary>
/// Values read once per shared transaction (a batch of updates) instead of once per update, such as
/// the presidency overrides. A value is computed inside the transaction, so it sees the batch's own
/// uncommitted writes; it is forgotten when a context of the batch saves a change to an entity type it
/// was read from, and when a step of the batch is rolled back. It never outlives its transaction.
/// </summary>
public sealed class TransactionMemo
{
    private readonly Dictionary<string, object> _values = new(StringComparer.Ordinal);
    private readonly HashSet<Type> _sources = [];

    /// <summary>The value under <paramref name="key"/>, loaded (and remembered) when absent.</summary>
    public async Task<T> GetOrLoadAsync<T>(string key, Type source, Func<Task<T>> load)
        where T : notnull
    {
        if (_values.TryGetValue(key, out var known))
        {
            return (T)known;
        }

        var value = await load();
        _values[key] = value;
        _sources.Add(source);
        return value;
    }

    /// <summary>True when a remembered value was read from entities of this type.</summary>
    public bool DependsOn(Type entityType) => _sources.Contains(entityType);

    public bool IsEmpty => _values.Count == 0;

    /// <summary>
    /// A step of this transaction has saved outbox rows that the other instances have not been told of yet (PostgreSQL:
    /// <c>OutboxAnnouncer</c> sends one NOTIFY for the whole batch). Not a remembered value: <see cref="Clear"/> keeps it,
    /// and a step rolled back to its savepoint puts back what it was before the step.
    /// </summary>
    public bool AddsOutboxRows { get; set; }

    public void Clear()
    {
        _values.Clear();
        _sources.Clear();
    }
}
