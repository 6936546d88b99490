namespace CoordBot.Domain.Council;

/// <summary>Council definitions shipped with the bot; the operator may start from one and edit it.</summary>
public static class CouncilPresets
{
    /// <summary>The 15 members of 2020 under Article 27; the presidency order is left to the alphabetical default (rule 18).</summary>
    public const string SecurityCouncil2020Json = """
        {
          "name": "United Nations Security Council (2020)",
          "members": [
            { "code": "BEL", "name": "Belgium", "permanent": false },
            { "code": "CHN", "name": "China", "permanent": true },
            { "code": "DOM", "name": "Dominican Republic", "permanent": false },
            { "code": "EST", "name": "Estonia", "permanent": false },
            { "code": "FRA", "name": "France", "permanent": true },
            { "code": "DEU", "name": "Germany", "permanent": false },
            { "code": "IDN", "name": "Indonesia", "permanent": false },
            { "code": "NER", "name": "Niger", "permanent": false },
            { "code": "RUS", "name": "Russian Federation", "permanent": true },
            { "code": "VCT", "name": "Saint Vincent and the Grenadines", "permanent": false },
            { "code": "ZAF", "name": "South Africa", "permanent": false },
            { "code": "TUN", "name": "Tunisia", "permanent": false },
            { "code": "GBR", "name": "United Kingdom", "permanent": true },
            { "code": "USA", "name": "United States", "permanent": true },
            { "code": "VNM", "name": "Viet Nam", "permanent": false }
          ],
          "decisionRule": "council",
          "thresholds": { "procedural": 9, "substantive": 9 },
          "presidency": {
            "anchor": { "code": "VNM", "month": "2020-01" }
          },
          "votes": { "allowChange": true, "open": false, "hours": 24, "explanationHours": 3 }
        }
        """;

    public static CouncilDefinition SecurityCouncil2020 { get; } = CouncilDefinition.Parse(SecurityCouncil2020Json).Value;
}
