namespace CoordBot.Domain.Agenda;

/// <summary>
/// The list of speakers on an item: each delegation inscribes once and is called in order of inscription.
/// Immutable: every change returns a new list, so a refused change leaves the stored one untouched.
/// </summary>
public sealed class SpeakersList
{
    private readonly Func<string, string> _nameOf;

    private SpeakersList(IReadOnlyList<Speaker> speakers, Func<string, string> nameOf)
    {
        Speakers = speakers;
        _nameOf = nameOf;
    }

    /// <param name="nameOf">Turns a code into the name used in messages, e.g. council.NameOf.</param>
    public static SpeakersList Empty(Func<string, string>? nameOf = null) => new([], nameOf ?? (c => c));

    public static SpeakersList From(IEnumerable<Speaker> speakers, Func<string, string>? nameOf = null) =>
        new(speakers.ToList(), nameOf ?? (c => c));

    public IReadOnlyList<Speaker> Speakers { get; }

    public string? Current => Speakers.FirstOrDefault(s => s.State == SpeakerState.Speaking)?.DelegationCode;

    public IReadOnlyList<string> Waiting => Codes(SpeakerState.Waiting);

    public IReadOnlyList<string> Spoken => Codes(SpeakerState.Spoken);

    public Result<SpeakersList> Inscribe(string delegationCode)
    {
        var existing = Find(delegationCode);
        if (existing is not null)
        {
            return Result.Fail<SpeakersList>(existing.State switch
            {
                SpeakerState.Waiting => $"{_nameOf(delegationCode)} is already on the list of speakers",
                SpeakerState.Speaking => $"{_nameOf(delegationCode)} has the floor now",
                _ => $"{_nameOf(delegationCode)} has already spoken on this item",
            });
        }

        return Result.Ok(With([.. Speakers, new Speaker(delegationCode, SpeakerState.Waiting)]));
    }

    public Result<SpeakersList> Withdraw(string delegationCode)
    {
        var existing = Find(delegationCode);
        return existing?.State switch
        {
            SpeakerState.Waiting => Result.Ok(With(Speakers.Where(s => s != existing).ToList())),
            SpeakerState.Speaking => Result.Fail<SpeakersList>($"{_nameOf(delegationCode)} has the floor now and cannot withdraw"),
            SpeakerState.Spoken => Result.Fail<SpeakersList>($"{_nameOf(delegationCode)} has already spoken"),
            _ => Result.Fail<SpeakersList>($"{_nameOf(delegationCode)} is not on the list of speakers"),
        };
    }

    /// <summary>Closes the current speaker's turn and gives the floor to the next in order; the new list names who speaks.</summary>
    public Result<SpeakersList> CallNext()
    {
        var next = Speakers.FirstOrDefault(s => s.State == SpeakerState.Waiting);
        var closed = Speakers.Select(s => s.State == SpeakerState.Speaking ? s with { State = SpeakerState.Spoken } : s).ToList();
        if (next is null)
        {
            return Current is null
                ? Result.Fail<SpeakersList>("the list of speakers is exhausted")
                : Result.Ok(With(closed));
        }

        return Result.Ok(With(closed.Select(s => s == next ? s with { State = SpeakerState.Speaking } : s).ToList()));
    }

    private Speaker? Find(string code) =>
        Speakers.FirstOrDefault(s => string.Equals(s.DelegationCode, code, StringComparison.Ordinal));

    private List<string> Codes(SpeakerState state) =>
        Speakers.Where(s => s.State == state).Select(s => s.DelegationCode).ToList();

    private SpeakersList With(IReadOnlyList<Speaker> speakers) => new(speakers, _nameOf);
}
