using CoordBot.Domain.Council;

namespace CoordBot.Domain.Drafts;

/// <summary>
/// Which kinds of text a body agrees, by its written procedure (the council file's <c>writtenProcedure</c>): the Council
/// and bodies like it (silence) negotiate resolutions, presidential statements and press statements; a committee under
/// the no-objection procedure agrees decisions only (domain.md, "Subsidiary bodies"). The first is a new draft's kind.
/// </summary>
public static class BodyKinds
{
    private static readonly DraftKind[] Council = [DraftKind.Resolution, DraftKind.PresidentialStatement, DraftKind.PressStatement];
    private static readonly DraftKind[] Committee = [DraftKind.Decision];

    /// <summary>The kinds a body under <paramref name="procedure"/> uses, its default first.</summary>
    public static IReadOnlyList<DraftKind> Of(WrittenProcedure procedure) => procedure == WrittenProcedure.NoObjection ? Committee : Council;

    /// <summary>The kind of a new draft in a body under <paramref name="procedure"/>.</summary>
    public static DraftKind Default(WrittenProcedure procedure) => Of(procedure)[0];

    /// <summary>Whether a body under <paramref name="procedure"/> may make a text <paramref name="kind"/>, and why not.</summary>
    public static Verdict Allows(WrittenProcedure procedure, DraftKind kind) =>
        Of(procedure).Contains(kind) ? Verdict.Allowed
        : Verdict.Refused(procedure == WrittenProcedure.NoObjection ? ReasonCode.DecisionsOnly : ReasonCode.NoDecisions);
}
