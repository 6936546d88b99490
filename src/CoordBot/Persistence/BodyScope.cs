namespace CoordBot.Persistence;

/// <summary>
/// The body an update or a job acts in (issue 25), for everything it calls: the database shows only that body's rows
/// and the council definition is that body's. Set where an update or a job starts (<see cref="Enter"/>); it flows with
/// the async calls under it and ends with them, so two updates of a batch never see each other's body.
/// </summary>
public static class BodyScope
{
    private static readonly AsyncLocal<int?> Current = new();

    /// <summary>The body in scope; null outside any (every body's rows are seen).</summary>
    public static int? CurrentId => Current.Value;

    /// <summary>The body of rows added outside any scope: the first body (a single-body deployment's only one).</summary>
    public const int DefaultId = Features.Bodies.Body.FirstId;

    /// <summary>Puts <paramref name="bodyId"/> in scope until the returned handle is disposed (null: every body).</summary>
    public static IDisposable Enter(int? bodyId)
    {
        var previous = Current.Value;
        Current.Value = bodyId;
        return new Restore(previous);
    }

    private sealed class Restore(int? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
