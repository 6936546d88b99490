namespace CoordBot.Domain;

/// <summary>
/// What a decision came to: accepted with a value, or refused with a reason. The reason is a feature's own
/// record (a code and the facts a renderer needs), never text: a renderer per feature writes the words, and
/// no caller learns what happened by reading a reply.
/// </summary>
public sealed record Outcome<TAccepted, TRefused>
    where TRefused : class
{
    private Outcome(TAccepted? value, TRefused? refusal)
    {
        Value = value;
        Refusal = refusal;
    }

    /// <summary>The value of an accepted outcome (default when refused).</summary>
    public TAccepted? Value { get; }

    /// <summary>Why it was refused; null when accepted.</summary>
    public TRefused? Refusal { get; }

    public bool IsAccepted => Refusal is null;

#pragma warning disable CA1000 // the factories belong to the closed type; a non-generic helper could not infer both type arguments
    public static Outcome<TAccepted, TRefused> Accept(TAccepted value) => new(value, null);

    public static Outcome<TAccepted, TRefused> Refuse(TRefused refusal) => new(default, refusal ?? throw new ArgumentNullException(nameof(refusal)));
#pragma warning restore CA1000

    /// <summary>The value when accepted (then true), as <c>TryGetValue</c> reads everywhere.</summary>
    public bool TryGetValue(out TAccepted value)
    {
        value = Value!;
        return IsAccepted;
    }

    /// <summary>One function per case, so a renderer cannot forget the refusal.</summary>
    public TResult Match<TResult>(Func<TAccepted, TResult> accepted, Func<TRefused, TResult> refused) =>
        Refusal is { } refusal ? refused(refusal) : accepted(Value!);
}
