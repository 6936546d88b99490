using CoordBot.Domain.Council;
using CoordBot.Domain.Presidency;

namespace CoordBot.Domain.Tests.Council;

public sealed class CouncilDefinitionTests
{
    private const string Minimal = """
        {
          "name": "Small Board",
          "members": [
            { "code": "EST", "name": "Estonia", "permanent": false },
            { "code": "BEL", "name": "Belgium", "permanent": true },
            { "code": "CHN", "name": "china" }
          ],
          "thresholds": { "procedural": 2, "substantive": 3 },
          "presidency": { "anchor": { "code": "EST", "month": "2021-03" } }
        }
        """;

    // The minimal board with one top-level section ("key": value) added or replaced.
    private static string WithSection(string section)
    {
        var key = section[..(section.IndexOf(':', StringComparison.Ordinal) + 1)];
        var sections = new List<string>
        {
            "\"name\": \"Small Board\"",
            "\"members\": [ { \"code\": \"EST\", \"name\": \"Estonia\" }, { \"code\": \"BEL\", \"name\": \"Belgium\" }, { \"code\": \"CHN\", \"name\": \"china\" } ]",
            "\"thresholds\": { \"procedural\": 2, \"substantive\": 3 }",
            "\"presidency\": { \"anchor\": { \"code\": \"EST\", \"month\": \"2021-03\" } }",
        };
        sections.RemoveAll(s => s.StartsWith(key, StringComparison.Ordinal));
        sections.Add(section);
        return "{ " + string.Join(", ", sections) + " }";
    }

    [Fact]
    public void Preset_parses_into_the_fifteen_members_of_2020()
    {
        var council = CouncilPresets.SecurityCouncil2020;

        Assert.Equal("United Nations Security Council (2020)", council.Name);
        Assert.Equal(15, council.Members.Count);
        Assert.Equal(["CHN", "FRA", "GBR", "RUS", "USA"], council.Members.Where(m => m.Permanent).Select(m => m.Code).Order());
        Assert.Equal(DecisionRuleKind.Council, council.DefaultRule);
        Assert.Equal((9, 9), (council.ProceduralThreshold, council.SubstantiveThreshold));
        Assert.Equal(new PresidencyAnchor("VNM", 2020, 1), council.PresidencyAnchor);
        Assert.Equal((true, false, 24, 3), (council.AllowVoteChange, council.OpenVotes, council.VotingHours, council.ExplanationHours));
    }

    [Fact]
    public void Preset_file_shipped_with_the_bot_matches_the_constant()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CoordBot.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        // The file the bot loads (CouncilOptions.PresetFile, copied beside the bot's binaries): missing, the test fails.
        var path = Path.Combine(directory.FullName, "src", "CoordBot", "Council", "security-council-2020.json");
        Assert.True(File.Exists(path), $"the preset {path} is missing");

        var parsed = CouncilDefinition.Parse(File.ReadAllText(path));
        Assert.True(parsed.IsSuccess, string.Join("; ", parsed.Errors));
        var (shipped, constant) = (parsed.Value, CouncilPresets.SecurityCouncil2020);
        // A record compares its lists by reference: the lists element by element, then the rest with the lists made equal.
        Assert.Equal(constant.Members, shipped.Members);
        Assert.Equal(constant.Members.Select(m => m.Names.OrderBy(n => n.Key)), shipped.Members.Select(m => m.Names.OrderBy(n => n.Key)));
        Assert.Equal(constant.PresidencyOrder, shipped.PresidencyOrder);
        Assert.Equal(constant.Names.OrderBy(n => n.Key), shipped.Names.OrderBy(n => n.Key));
        Assert.Equal(constant.ShortNames.OrderBy(n => n.Key), shipped.ShortNames.OrderBy(n => n.Key));
        Assert.Equal(constant, shipped with { Members = constant.Members, PresidencyOrder = constant.PresidencyOrder, Names = constant.Names, ShortNames = constant.ShortNames });
    }

    [Fact]
    public void A_file_without_key_or_short_name_keeps_loading_with_defaults()
    {
        var council = CouncilDefinition.Parse(Minimal).Value;

        Assert.Equal(("council", "Small Board", "", WrittenProcedure.Silence, null), (council.Key, council.ShortName, council.Source, council.WrittenProcedure, council.FixedChair));
    }

    [Fact]
    public void Key_short_name_source_and_no_objection_procedure_are_read()
    {
        var json = WithSection("\"key\": \"1718\", \"shortName\": \"1718 Committee\", \"source\": \"S/RES/1718 (2006)\", \"note\": \"chair unconfirmed\", \"writtenProcedure\": \"no-objection\"");

        var council = CouncilDefinition.Parse(json).Value;

        Assert.Equal(("1718", "1718 Committee", "S/RES/1718 (2006)", WrittenProcedure.NoObjection), (council.Key, council.ShortName, council.Source, council.WrittenProcedure));
    }

    [Fact]
    public void The_body_s_names_in_other_languages_are_read_and_English_keeps_its_own()
    {
        var json = WithSection("\"shortName\": \"1718 Committee\", \"names\": { \"fr\": \"Comité créé par la résolution 1718\" }, \"shortNames\": { \"zh\": \"1718委员会\" }");

        var council = CouncilDefinition.Parse(json).Value;

        Assert.Equal(("Comité créé par la résolution 1718", council.Name, council.Name), (council.NameIn("fr"), council.NameIn("en"), council.NameIn("zh")));
        Assert.Equal(("1718委员会", "1718 Committee", "1718 Committee"), (council.ShortNameIn("zh"), council.ShortNameIn("en"), council.ShortNameIn("fr")));
    }

    [Theory]
    [InlineData("\"names\": \"Comité\"", "names: expected an object of language code and name, e.g. { \"fr\": \"Belgique\" }")]
    [InlineData("\"shortNames\": { \"zh\": \"\" }", "shortNames.zh: expected a non-empty name")]
    public void A_broken_name_of_the_body_is_named_in_the_error(string section, string expected) =>
        Assert.Contains(expected, CouncilDefinition.Parse(WithSection(section)).Errors);

    [Theory]
    [InlineData(2025, 12, "BEL")]
    [InlineData(2026, 1, "BEL")]
    [InlineData(2026, 7, "BEL")]
    [InlineData(2026, 12, "BEL")]
    // Past its term the named chair stays until the operator names the next in the file (a body needs a chair).
    [InlineData(2027, 3, "BEL")]
    public void A_chair_fixed_for_a_term_presides_every_month(int year, int month, string chair)
    {
        var council = CouncilDefinition.Parse(WithSection("\"presidency\": { \"chair\": \"BEL\", \"term\": { \"from\": \"2026-01\", \"to\": \"2026-12\" } }")).Value;

        Assert.Equal(new FixedChair("BEL", 2026, 1, 2026, 12), council.FixedChair);
        Assert.Equal(chair, PresidencyRotation.For(council).PresidentFor(year, month));
        Assert.Equal(year == 2026, council.FixedChair!.Covers(year, month));
    }

    [Fact]
    public void Missing_order_defaults_to_names_sorted_ignoring_case()
    {
        var council = CouncilDefinition.Parse(Minimal).Value;

        Assert.Equal(["BEL", "CHN", "EST"], council.PresidencyOrder);
    }

    [Fact]
    public void Missing_optional_sections_take_their_defaults()
    {
        var council = CouncilDefinition.Parse(Minimal).Value;

        Assert.Equal(DecisionRuleKind.Council, council.DefaultRule);
        Assert.False(council.Members.Single(m => m.Code == "CHN").Permanent);
        Assert.Equal((true, false, 24, 3), (council.AllowVoteChange, council.OpenVotes, council.VotingHours, council.ExplanationHours));
    }

    [Fact]
    public void Explicit_order_is_kept_as_written()
    {
        var json = Minimal.Replace("\"presidency\": {", "\"presidency\": { \"order\": [\"EST\", \"CHN\", \"BEL\"],");

        Assert.Equal(["EST", "CHN", "BEL"], CouncilDefinition.Parse(json).Value.PresidencyOrder);
    }

    [Theory]
    [InlineData("council", DecisionRuleKind.Council)]
    [InlineData("majority", DecisionRuleKind.Majority)]
    [InlineData("two-thirds", DecisionRuleKind.TwoThirds)]
    [InlineData("consensus", DecisionRuleKind.Consensus)]
    public void Decision_rule_names_are_read(string name, DecisionRuleKind expected)
    {
        var json = Minimal.Replace("\"name\": \"Small Board\",", $"\"name\": \"Small Board\", \"decisionRule\": \"{name}\",");

        Assert.Equal(expected, CouncilDefinition.Parse(json).Value.DefaultRule);
    }

    public static TheoryData<string, string, string> BrokenDefinitions => new()
    {
        { "member without name", """{ "code": "BEL" }""", "members[3]: missing name" },
        { "member without code", """{ "name": "Peru" }""", "members[3]: missing code" },
        { "duplicate code", """{ "code": "EST", "name": "Estland" }""", "members: duplicate code \"EST\"" },
        { "duplicate name", """{ "code": "EE", "name": "ESTONIA" }""", "members: duplicate name \"Estonia\"" },
        { "lower-case code", """{ "code": "per", "name": "Peru" }""", "members[3].code: \"per\" must be 2-3 uppercase letters (ISO 3166 alpha-3, e.g. \"BEL\")" },
        { "four-letter code", """{ "code": "PERU", "name": "Peru" }""", "members[3].code: \"PERU\" must be 2-3 uppercase letters (ISO 3166 alpha-3, e.g. \"BEL\")" },
        { "permanent not a boolean", """{ "code": "PER", "name": "Peru", "permanent": "yes" }""", "members[3].permanent: expected true or false" },
        { "misspelt property", """{ "code": "PER", "name": "Peru", "permanant": true }""", "members[3].permanant: unknown property (expected code, name, permanent)" },
    };

    [Theory]
    [MemberData(nameof(BrokenDefinitions))]
    public void A_broken_fourth_member_is_named_in_the_error(string because, string fourthMember, string expected)
    {
        var json = Minimal.Replace("{ \"code\": \"CHN\", \"name\": \"china\" }", "{ \"code\": \"CHN\", \"name\": \"china\" }, " + fourthMember);

        var result = CouncilDefinition.Parse(json);

        Assert.False(result.IsSuccess, because);
        Assert.Contains(expected, result.Errors);
    }

    [Theory]
    [InlineData("\"decisionRule\": \"unanimity\"", "decisionRule: unknown rule \"unanimity\" (expected council, majority, two-thirds, consensus or consensus-first)")]
    [InlineData("\"key\": \"EST\"", "key: \"EST\" must be 2-12 lower-case letters, digits or hyphens (e.g. \"unsc\", \"1718\", \"psc\")")]
    [InlineData("\"key\": \"est\"", "key: \"est\" is a member's code; choose another (e.g. \"unsc\", \"1718\", \"psc\")")]
    [InlineData("\"writtenProcedure\": \"tacit\"", "writtenProcedure: unknown procedure \"tacit\" (expected silence or no-objection)")]
    [InlineData("\"presidency\": { \"chair\": \"XYZ\", \"term\": { \"from\": \"2026-01\", \"to\": \"2026-12\" } }", "presidency.chair: unknown code \"XYZ\"")]
    [InlineData("\"presidency\": { \"chair\": \"EST\" }", "presidency.term: expected the chair's term of office, e.g. {\"from\":\"2026-01\",\"to\":\"2026-12\"}")]
    [InlineData("\"presidency\": { \"chair\": \"EST\", \"term\": { \"from\": \"2026-12\", \"to\": \"2026-01\" } }", "presidency.term: ends (2026-01) before it starts (2026-12)")]
    [InlineData("\"thresholds\": { \"procedural\": 0 }", "thresholds.procedural: 0 is out of range 1..3 (the number of members)")]
    [InlineData("\"thresholds\": { \"substantive\": 4 }", "thresholds.substantive: 4 is out of range 1..3 (the number of members)")]
    [InlineData("\"thresholds\": { \"substantive\": 2.5 }", "thresholds.substantive: expected a whole number")]
    [InlineData("\"presidency\": { \"order\": [\"EST\", \"XYZ\", \"BEL\", \"CHN\"], \"anchor\": { \"code\": \"EST\", \"month\": \"2021-03\" } }", "presidency.order: unknown code \"XYZ\"")]
    [InlineData("\"presidency\": { \"order\": [\"EST\", \"BEL\"], \"anchor\": { \"code\": \"EST\", \"month\": \"2021-03\" } }", "presidency.order: missing \"CHN\" (china); every member must appear once")]
    [InlineData("\"presidency\": { \"order\": [\"EST\", \"BEL\", \"CHN\", \"BEL\"], \"anchor\": { \"code\": \"EST\", \"month\": \"2021-03\" } }", "presidency.order: duplicate code \"BEL\"")]
    [InlineData("\"presidency\": { \"anchor\": { \"code\": \"XYZ\", \"month\": \"2021-03\" } }", "presidency.anchor.code: unknown code \"XYZ\"")]
    [InlineData("\"presidency\": { \"anchor\": { \"code\": \"EST\", \"month\": \"2021-13\" } }", "presidency.anchor.month: \"2021-13\" is not a month like \"2020-01\"")]
    [InlineData("\"presidency\": { }", "presidency: missing anchor (who presided in a known month, e.g. {\"code\":\"VNM\",\"month\":\"2020-01\"})")]
    [InlineData("\"votes\": { \"hours\": 0 }", "votes.hours: 0 is out of range 1..168 (one week)")]
    [InlineData("\"votes\": { \"alowChange\": false }", "votes.alowChange: unknown property (expected allowChange, open, hours, explanationHours)")]
    [InlineData("\"votes\": { \"open\": 1 }", "votes.open: expected true or false")]
    public void A_broken_setting_is_named_in_the_error(string setting, string expected)
    {
        var json = WithSection(setting);

        var result = CouncilDefinition.Parse(json);

        Assert.False(result.IsSuccess);
        Assert.Contains(expected, result.Errors);
    }

    [Theory]
    [InlineData("not json", "invalid JSON")]
    [InlineData("[]", "the council must be a JSON object")]
    [InlineData("{}", "missing name")]
    [InlineData("{}", "missing members")]
    [InlineData("""{ "name": "X", "members": [] }""", "members: at least one member is required")]
    public void Unusable_documents_are_refused_with_a_reason(string json, string expectedStart)
    {
        var result = CouncilDefinition.Parse(json);

        Assert.False(result.IsSuccess);
        Assert.Contains(result.Errors, e => e.StartsWith(expectedStart, StringComparison.Ordinal));
    }

    [Fact]
    public void All_problems_are_reported_at_once()
    {
        var json = """
            { "name": "X", "decisionRule": "vote",
              "members": [ { "code": "aa", "name": "A" }, { "code": "BB" } ],
              "presidency": { "anchor": { "code": "BB", "month": "soon" } } }
            """;

        var errors = CouncilDefinition.Parse(json).Errors;

        Assert.True(errors.Count >= 4, string.Join(" | ", errors));
    }

    [Theory]
    [InlineData("RUS", "Russian Federation", true)]
    [InlineData("rus", "Russian Federation", true)]
    [InlineData("EST", "Estonia", false)]
    [InlineData("XYZ", "XYZ", false)]
    public void Members_are_looked_up_by_code(string code, string name, bool permanent)
    {
        var council = CouncilPresets.SecurityCouncil2020;

        Assert.Equal(name, council.NameOf(code));
        Assert.Equal(permanent, council.IsPermanent(code));
    }
}
