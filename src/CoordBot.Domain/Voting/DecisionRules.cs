using CoordBot.Domain.Council;

namespace CoordBot.Domain.Voting;

/// <summary>Decides a vote under the council's rule; thresholds always come from the council definition.</summary>
public static class DecisionRules
{
    /// <param name="votingCodes">Members whose vote is taken: every member except parties to a dispute (Art. 27(3)).
    /// A recused member is neither counted nor absent; a vote from outside this set is ignored.</param>
    /// <param name="votes">The current vote of each delegation that answered; a missing entry is an absence.</param>
    public static DecisionResult Decide(
        DecisionRuleKind rule,
        MatterKind matter,
        CouncilDefinition council,
        IReadOnlySet<string> votingCodes,
        IReadOnlyDictionary<string, VoteChoice> votes)
    {
        var counted = votes.Where(v => votingCodes.Contains(v.Key)).ToList();
        var yes = counted.Count(v => v.Value == VoteChoice.Yes);
        var no = counted.Count(v => v.Value == VoteChoice.No);
        var abstain = counted.Count(v => v.Value == VoteChoice.Abstain);
        var absent = ByName(council, votingCodes.Where(c => !votes.ContainsKey(c)));
        var tally = new Tally(council, yes, no, abstain, absent);

        return rule switch
        {
            DecisionRuleKind.Council => DecideCouncil(matter, council, counted, tally),
            DecisionRuleKind.Majority => DecideMajority(tally),
            DecisionRuleKind.TwoThirds => DecideTwoThirds(tally),
            DecisionRuleKind.Consensus => DecideConsensus(council, counted, tally),
            DecisionRuleKind.ConsensusFirst => DecideConsensusFirst(matter, council, counted, tally),
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, null),
        };
    }

    /// <summary>Decides under the council's own default rule.</summary>
    public static DecisionResult Decide(
        MatterKind matter,
        CouncilDefinition council,
        IReadOnlySet<string> votingCodes,
        IReadOnlyDictionary<string, VoteChoice> votes) =>
        Decide(council.DefaultRule, matter, council, votingCodes, votes);

    private static DecisionResult DecideCouncil(
        MatterKind matter, CouncilDefinition council, List<KeyValuePair<string, VoteChoice>> counted, Tally tally)
    {
        var required = matter == MatterKind.Procedural ? council.ProceduralThreshold : council.SubstantiveThreshold;
        if (tally.Yes < required)
        {
            // A draft short of the required votes fails for that reason; a permanent member's "no" on it
            // is not recorded as a veto (the practice of the Council's own records).
            var votesWord = tally.Yes == 1 ? "affirmative vote" : "affirmative votes";
            return tally.Failed($"{tally.Yes} {votesWord}, {required} required");
        }

        if (matter == MatterKind.Substantive)
        {
            // Only a "no" vetoes: an abstaining, absent or recused permanent member does not (Art. 27(3) practice).
            var vetoes = ByName(council, counted
                .Where(v => v.Value == VoteChoice.No && council.IsPermanent(v.Key))
                .Select(v => v.Key));
            if (vetoes.Count > 0)
            {
                return tally.Failed($"vetoed by {string.Join(", ", vetoes.Select(council.NameOf))}", vetoes);
            }

            return tally.Passed($"{tally.Yes} in favour ({required} required), no permanent member against", againstStated: false);
        }

        return tally.Passed($"{tally.Yes} in favour ({required} required)", againstStated: false);
    }

    // "Majority of those voting": abstentions are not votes, so it is simply more in favour than against.
    private static DecisionResult DecideMajority(Tally tally) =>
        tally.Yes > tally.No
            ? tally.Passed($"{tally.Yes} in favour, {tally.No} against (a majority of those voting)", againstStated: true)
            : tally.Failed($"{tally.Yes} in favour, {tally.No} against: a majority of those voting is required");

    // Two-thirds of those present and voting: abstentions do not count as voting.
    private static DecisionResult DecideTwoThirds(Tally tally)
    {
        var voting = tally.Yes + tally.No;
        if (voting == 0)
        {
            return tally.Failed("nobody voted in favour or against: two thirds of those present and voting is required");
        }

        var required = ((2 * voting) + 2) / 3;
        return tally.Yes >= required
            ? tally.Passed($"{tally.Yes} in favour, {tally.No} against (two thirds of those present and voting: {required} of {voting})", againstStated: true)
            : tally.Failed($"{tally.Yes} in favour, {tally.No} against: two thirds of those present and voting ({required} of {voting}) required");
    }

    // Consensus: adopted when nobody objects. At least one delegation must be in favour, otherwise a text
    // that everyone abstained on or ignored would count as agreed (silence, where no answer means
    // consent, is the silence procedure, not a vote).
    private static DecisionResult DecideConsensus(
        CouncilDefinition council, List<KeyValuePair<string, VoteChoice>> counted, Tally tally)
    {
        var objectors = ByName(council, counted.Where(v => v.Value == VoteChoice.No).Select(v => v.Key));
        if (objectors.Count > 0)
        {
            var noun = objectors.Count == 1 ? "objection from" : "objections from";
            return tally.Failed($"no consensus: {noun} {string.Join(", ", objectors.Select(council.NameOf))}");
        }

        return tally.Yes > 0 ? tally.Passed($"{tally.Yes} in favour, no objection (consensus)", againstStated: true) : tally.Failed("no consensus: no delegation voted in favour");
    }

    // Consensus is sought first: with nobody against and someone in favour the text is adopted by consensus. Failing
    // consensus, the vote decides: two thirds of those present and voting on substance, a majority of those voting on
    // procedure (Protocol relating to the Peace and Security Council, article 8(13)); the grounds name the objectors.
    private static DecisionResult DecideConsensusFirst(
        MatterKind matter, CouncilDefinition council, List<KeyValuePair<string, VoteChoice>> counted, Tally tally)
    {
        var objectors = ByName(council, counted.Where(v => v.Value == VoteChoice.No).Select(v => v.Key));
        if (objectors.Count == 0 && tally.Yes > 0)
        {
            return tally.Passed($"{tally.Yes} in favour, no objection (consensus)", againstStated: true);
        }

        var noConsensus = objectors.Count == 0
            ? "no consensus (no delegation voted in favour)"
            : $"no consensus ({(objectors.Count == 1 ? "objection from" : "objections from")} {string.Join(", ", objectors.Select(council.NameOf))})";
        var vote = matter == MatterKind.Substantive ? DecideTwoThirds(tally) : DecideMajority(tally);
        return vote with { Grounds = $"{noConsensus}, then {vote.Grounds}" };
    }

    private static List<string> ByName(CouncilDefinition council, IEnumerable<string> codes) =>
        codes.OrderBy(council.NameOf, StringComparer.OrdinalIgnoreCase).ToList();

    private sealed record Tally(CouncilDefinition Council, int Yes, int No, int Abstain, IReadOnlyList<string> Absent)
    {
        /// <summary>Adopted: <paramref name="rule"/> states the votes against the rule they met; the remaining counts follow it.</summary>
        public DecisionResult Passed(string rule, bool againstStated) =>
            new(true, $"{rule}; {Rest(againstStated)}", Yes, No, Abstain, Absent, []);

        public DecisionResult Failed(string grounds, IReadOnlyList<string>? vetoes = null) =>
            new(false, grounds, Yes, No, Abstain, Absent, vetoes ?? []);

        private string Rest(bool againstStated)
        {
            var abstentions = $"{Abstain} {(Abstain == 1 ? "abstention" : "abstentions")}";
            var text = againstStated ? abstentions : $"{No} against, {abstentions}";
            return Absent.Count == 0 ? text : $"{text}, {Absent.Count} absent";
        }
    }
}
