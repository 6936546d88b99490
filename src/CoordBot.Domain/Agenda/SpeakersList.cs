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

    public Outcome<SpeakersList, Reason> Inscribe(string delegationCode)
    {
        var existing = Find(delegationCode);
        if (existing is not null)
        {
            return Refuse(existing.State switch
            {
                SpeakerState.Waiting => Reason.Of(ReasonCode.SpeakersAlreadyOn, _nameOf(delegationCode)),
                SpeakerState.Speaking => Reason.Of(ReasonCode.SpeakersHasFloor, _nameOf(delegationCode)),
                _ => Reason.Of(ReasonCode.SpeakersSpokeOnItem, _nameOf(delegationCode)),
            });
        }

        return Outcome<SpeakersList, Reason>.Accept(With([.. Speakers, new Speaker(delegationCode, SpeakerState.Waiting)]));
    }

    public Outcome<SpeakersList, Reason> Withdraw(string delegationCode)
    {
        var existing = Find(delegationCode);
        return existing?.State switch
        {
            SpeakerState.Waiting => Outcome<SpeakersList, Reason>.Accept(With(Speakers.Where(s => s != existing).ToList())),
            SpeakerState.Speaking => Refuse(ReasonCode.SpeakersCannotWithdraw, _nameOf(delegationCode)),
            SpeakerState.Spoken => Refuse(ReasonCode.SpeakersSpoken, _nameOf(delegationCode)),
            _ => Refuse(ReasonCode.SpeakersNotOn, _nameOf(delegationCode)),
        };
    }

    /// <summary>Closes the current speaker's turn and gives the floor to the next in order; the new list names who speaks.</summary>
    public Outcome<SpeakersList, Reason> CallNext()
    {
        var next = Speakers.FirstOrDefault(s => s.State == SpeakerState.Waiting);
        var closed = Speakers.Select(s => s.State == SpeakerState.Speaking ? s with { State = SpeakerState.Spoken } : s).ToList();
        if (next is null)
        {
            return Current is null
                ? Refuse(ReasonCode.SpeakersExhausted)
                : Outcome<SpeakersList, Reason>.Accept(With(closed));
        }

        return Outcome<SpeakersList, Reason>.Accept(With(closed.Select(s => s == next ? s with { State = SpeakerState.Speaking } : s).ToList()));
    }

    private static Outcome<SpeakersList, Reason> Refuse(Reason reason) => Outcome<SpeakersList, Reason>.Refuse(reason);

    private static Outcome<SpeakersList, Reason> Refuse(ReasonCode code, params object[] args) => Refuse(Reason.Of(code, args));

    private Speaker? Find(string code) =>
        Speakers.FirstOrDefault(s => string.Equals(s.DelegationCode, code, StringComparison.Ordinal));

    private List<string> Codes(SpeakerState state) =>
        Speakers.Where(s => s.State == state).Select(s => s.DelegationCode).ToList();

    private SpeakersList With(IReadOnlyList<Speaker> speakers) => new(speakers, _nameOf);
}
