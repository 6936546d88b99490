using System.Globalization;
using System.Text.Json;

namespace CoordBot.Domain.Council;

// Hand-written over JsonDocument rather than a deserializer so that every problem is collected
// (not just the first) and each message names the entry the operator has to fix.
internal static class CouncilJson
{
    private const int DefaultThreshold = 9;
    private const int MaxVotingHours = 168;
    private const int MaxExplanationHours = 72;

    private static readonly JsonDocumentOptions ReadOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static Result<CouncilDefinition> Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, ReadOptions);
        }
        catch (JsonException ex)
        {
            return Result.Fail<CouncilDefinition>($"invalid JSON: {ex.Message}");
        }

        using (document)
        {
            var errors = new List<string>();
            var definition = Read(document.RootElement, errors);
            return errors.Count == 0 && definition is not null
                ? Result.Ok(definition)
                : Result.Fail<CouncilDefinition>(errors);
        }
    }

    private static CouncilDefinition? Read(JsonElement root, List<string> errors)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add("the council must be a JSON object");
            return null;
        }

        RejectUnknown(root, "", errors,
            ["name", "members", "decisionRule", "thresholds", "presidency", "votes"],
            ["key", "shortName", "names", "shortNames", "source", "note", "writtenProcedure"]);
        var name = ReadString(root, "", "name", errors, required: true);
        var key = ReadKey(root, errors);
        var shortName = ReadString(root, "", "shortName", errors, required: false);
        var source = ReadString(root, "", "source", errors, required: false);
        _ = ReadString(root, "", "note", errors, required: false);
        var procedure = ReadWrittenProcedure(root, errors);
        var members = ReadMembers(root, errors);
        var codes = members.Select(m => m.Code).ToHashSet(StringComparer.Ordinal);

        var rule = DecisionRuleKind.Council;
        var ruleName = ReadString(root, "", "decisionRule", errors, required: false);
        if (ruleName is not null)
        {
            var parsed = DecisionRuleNames.Parse(ruleName);
            if (parsed.IsSuccess)
            {
                rule = parsed.Value;
            }
            else
            {
                errors.Add($"decisionRule: {parsed.Error}");
            }
        }

        var (procedural, substantive) = ReadThresholds(root, members.Count, errors);
        var (order, anchor, fixedChair) = ReadPresidency(root, members, codes, errors);
        var votes = ReadVotes(root, errors);
        if (key is not null && codes.Contains(key.ToUpperInvariant()))
        {
            errors.Add($"key: \"{key}\" is a member's code; choose another (e.g. \"unsc\", \"1718\", \"psc\")");
        }

        if (name is null || anchor is null || members.Count == 0)
        {
            return null;
        }

        return new CouncilDefinition(
            name, members, rule, procedural, substantive, order, anchor,
            votes.AllowChange, votes.Open, votes.Hours, votes.ExplanationHours)
        {
            Key = key ?? CouncilDefinition.DefaultKey,
            ShortName = shortName ?? name,
            Names = ReadNames(root, "", errors),
            ShortNames = ReadNames(root, "", errors, "shortNames"),
            Source = source ?? string.Empty,
            WrittenProcedure = procedure,
            FixedChair = fixedChair,
        };
    }

    // Short, lower case, typed before a command's arguments (`/schedule 1718 ...`), so letters, digits and a hyphen only.
    private static string? ReadKey(JsonElement root, List<string> errors)
    {
        var key = ReadString(root, "", "key", errors, required: false);
        if (key is null)
        {
            return null;
        }

        if (key.Length is < 2 or > 12 || !key.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
        {
            errors.Add($"key: \"{key}\" must be 2-12 lower-case letters, digits or hyphens (e.g. \"unsc\", \"1718\", \"psc\")");
            return null;
        }

        return key;
    }

    private static WrittenProcedure ReadWrittenProcedure(JsonElement root, List<string> errors)
    {
        var name = ReadString(root, "", "writtenProcedure", errors, required: false);
        switch (name)
        {
            case null or "silence":
                return WrittenProcedure.Silence;
            case "no-objection":
                return WrittenProcedure.NoObjection;
            default:
                errors.Add($"writtenProcedure: unknown procedure \"{name}\" (expected silence or no-objection)");
                return WrittenProcedure.Silence;
        }
    }

    private static List<CouncilMember> ReadMembers(JsonElement root, List<string> errors)
    {
        var members = new List<CouncilMember>();
        if (!root.TryGetProperty("members", out var array))
        {
            errors.Add("missing members");
            return members;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            errors.Add("members: expected a list of members");
            return members;
        }

        if (array.GetArrayLength() == 0)
        {
            errors.Add("members: at least one member is required");
            return members;
        }

        var index = 0;
        var valid = true;
        foreach (var item in array.EnumerateArray())
        {
            var path = $"members[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"{path}: expected an object with code, name and permanent");
                valid = false;
                continue;
            }

            // "names" (the member in other languages) is optional and left out of the hint, which lists what a member needs.
            RejectUnknown(item, path, errors, ["code", "name", "permanent"], ["names"]);
            var code = ReadString(item, path, "code", errors, required: true);
            if (code is not null && !IsValidCode(code))
            {
                errors.Add($"{path}.code: \"{code}\" must be 2-3 uppercase letters (ISO 3166 alpha-3, e.g. \"BEL\")");
                code = null;
            }

            var memberName = ReadString(item, path, "name", errors, required: true);
            var permanent = ReadBool(item, path, "permanent", errors) ?? false;
            if (code is null || memberName is null)
            {
                valid = false;
                continue;
            }

            members.Add(new CouncilMember(code, memberName, permanent) { Names = ReadNames(item, path, errors) });
        }

        foreach (var code in Duplicates(members.Select(m => m.Code), StringComparer.Ordinal))
        {
            errors.Add($"members: duplicate code \"{code}\"");
            valid = false;
        }

        // Two members with one name would make the alphabetical rotation ambiguous.
        foreach (var memberName in Duplicates(members.Select(m => m.Name), StringComparer.OrdinalIgnoreCase))
        {
            errors.Add($"members: duplicate name \"{memberName}\"");
            valid = false;
        }

        return valid ? members : [];
    }

    private static (int Procedural, int Substantive) ReadThresholds(JsonElement root, int memberCount, List<string> errors)
    {
        int procedural = DefaultThreshold, substantive = DefaultThreshold;
        if (root.TryGetProperty("thresholds", out var thresholds))
        {
            if (thresholds.ValueKind != JsonValueKind.Object)
            {
                errors.Add("thresholds: expected an object with procedural and substantive");
                return (procedural, substantive);
            }

            RejectUnknown(thresholds, "thresholds", errors, "procedural", "substantive");
            procedural = ReadInt(thresholds, "thresholds", "procedural", errors) ?? procedural;
            substantive = ReadInt(thresholds, "thresholds", "substantive", errors) ?? substantive;
        }

        // Without valid members the range is unknown; the member errors already say what to fix.
        if (memberCount > 0)
        {
            CheckRange("thresholds.procedural", procedural, 1, memberCount, "the number of members", errors);
            CheckRange("thresholds.substantive", substantive, 1, memberCount, "the number of members", errors);
        }

        return (procedural, substantive);
    }

    private static (IReadOnlyList<string> Order, PresidencyAnchor? Anchor, FixedChair? Fixed) ReadPresidency(
        JsonElement root, List<CouncilMember> members, HashSet<string> codes, List<string> errors)
    {
        // A chair fixed for a term ("chair" and "term") instead of the monthly rotation ("order" and "anchor").
        if (root.TryGetProperty("presidency", out var fixedElement) && fixedElement.ValueKind == JsonValueKind.Object
            && fixedElement.TryGetProperty("chair", out _))
        {
            var fixedChair = ReadFixedChair(fixedElement, members, codes, errors);
            return (CouncilDefinition.AlphabeticalOrder(members), fixedChair is null ? null : new PresidencyAnchor(fixedChair.Code, fixedChair.FromYear, fixedChair.FromMonth), fixedChair);
        }

        var (order, anchor) = ReadRotation(root, members, codes, errors);
        return (order, anchor, null);
    }

    private static FixedChair? ReadFixedChair(JsonElement presidency, List<CouncilMember> members, HashSet<string> codes, List<string> errors)
    {
        RejectUnknown(presidency, "presidency", errors, "chair", "term");
        var code = ReadString(presidency, "presidency", "chair", errors, required: true);
        if (code is not null && members.Count > 0 && !codes.Contains(code))
        {
            errors.Add($"presidency.chair: unknown code \"{code}\"");
            code = null;
        }

        if (!presidency.TryGetProperty("term", out var term) || term.ValueKind != JsonValueKind.Object)
        {
            errors.Add("presidency.term: expected the chair's term of office, e.g. {\"from\":\"2026-01\",\"to\":\"2026-12\"}");
            return null;
        }

        RejectUnknown(term, "presidency.term", errors, "from", "to");
        var from = ReadMonth(term, "presidency.term", "from", errors);
        var to = ReadMonth(term, "presidency.term", "to", errors);
        if (from is { } f && to is { } t && (t.Year * 12) + t.Month < (f.Year * 12) + f.Month)
        {
            errors.Add($"presidency.term: ends ({t.Year:D4}-{t.Month:D2}) before it starts ({f.Year:D4}-{f.Month:D2})");
            return null;
        }

        return code is null || from is null || to is null ? null : new FixedChair(code, from.Value.Year, from.Value.Month, to.Value.Year, to.Value.Month);
    }

    private static (int Year, int Month)? ReadMonth(JsonElement element, string path, string name, List<string> errors)
    {
        var text = ReadString(element, path, name, errors, required: true);
        if (text is null)
        {
            return null;
        }

        var month = ParseMonth(text);
        if (month is null)
        {
            errors.Add($"{path}.{name}: \"{text}\" is not a month like \"2026-01\"");
        }

        return month;
    }

    private static (IReadOnlyList<string> Order, PresidencyAnchor? Anchor) ReadRotation(
        JsonElement root, List<CouncilMember> members, HashSet<string> codes, List<string> errors)
    {
        IReadOnlyList<string> order = CouncilDefinition.AlphabeticalOrder(members);
        if (!root.TryGetProperty("presidency", out var presidency))
        {
            errors.Add("missing presidency (at least the anchor: who presided in a known month, e.g. {\"code\":\"VNM\",\"month\":\"2020-01\"})");
            return (order, null);
        }

        if (presidency.ValueKind != JsonValueKind.Object)
        {
            errors.Add("presidency: expected an object with order and anchor");
            return (order, null);
        }

        RejectUnknown(presidency, "presidency", errors, "order", "anchor");
        if (presidency.TryGetProperty("order", out var orderElement) && orderElement.ValueKind != JsonValueKind.Null)
        {
            order = ReadOrder(orderElement, members, codes, errors);
        }

        if (!presidency.TryGetProperty("anchor", out var anchorElement))
        {
            errors.Add("presidency: missing anchor (who presided in a known month, e.g. {\"code\":\"VNM\",\"month\":\"2020-01\"})");
            return (order, null);
        }

        if (anchorElement.ValueKind != JsonValueKind.Object)
        {
            errors.Add("presidency.anchor: expected an object with code and month");
            return (order, null);
        }

        RejectUnknown(anchorElement, "presidency.anchor", errors, "code", "month");
        var code = ReadString(anchorElement, "presidency.anchor", "code", errors, required: true);
        if (code is not null && members.Count > 0 && !codes.Contains(code))
        {
            errors.Add($"presidency.anchor.code: unknown code \"{code}\"");
            code = null;
        }

        var monthText = ReadString(anchorElement, "presidency.anchor", "month", errors, required: true);
        (int Year, int Month)? month = null;
        if (monthText is not null)
        {
            month = ParseMonth(monthText);
            if (month is null)
            {
                errors.Add($"presidency.anchor.month: \"{monthText}\" is not a month like \"2020-01\"");
            }
        }

        return code is null || month is null
            ? (order, null)
            : (order, new PresidencyAnchor(code, month.Value.Year, month.Value.Month));
    }

    private static List<string> ReadOrder(
        JsonElement element, List<CouncilMember> members, HashSet<string> codes, List<string> errors)
    {
        var order = new List<string>();
        if (element.ValueKind != JsonValueKind.Array)
        {
            errors.Add("presidency.order: expected a list of member codes");
            return order;
        }

        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                errors.Add($"presidency.order[{index}]: expected a member code");
            }
            else if (members.Count > 0 && !codes.Contains(item.GetString()!))
            {
                errors.Add($"presidency.order: unknown code \"{item.GetString()}\"");
            }
            else
            {
                order.Add(item.GetString()!);
            }

            index++;
        }

        foreach (var code in Duplicates(order, StringComparer.Ordinal))
        {
            errors.Add($"presidency.order: duplicate code \"{code}\"");
        }

        // Every member presides in turn; leaving one out would silently skip it.
        foreach (var member in members.Where(m => !order.Contains(m.Code)))
        {
            errors.Add($"presidency.order: missing \"{member.Code}\" ({member.Name}); every member must appear once");
        }

        return order;
    }

    private static (bool AllowChange, bool Open, int Hours, int ExplanationHours) ReadVotes(
        JsonElement root, List<string> errors)
    {
        (bool AllowChange, bool Open, int Hours, int ExplanationHours) votes = (true, false, 24, 3);
        if (!root.TryGetProperty("votes", out var element))
        {
            return votes;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add("votes: expected an object with allowChange, open, hours and explanationHours");
            return votes;
        }

        RejectUnknown(element, "votes", errors, "allowChange", "open", "hours", "explanationHours");
        votes.AllowChange = ReadBool(element, "votes", "allowChange", errors) ?? votes.AllowChange;
        votes.Open = ReadBool(element, "votes", "open", errors) ?? votes.Open;
        votes.Hours = ReadInt(element, "votes", "hours", errors) ?? votes.Hours;
        votes.ExplanationHours = ReadInt(element, "votes", "explanationHours", errors) ?? votes.ExplanationHours;
        CheckRange("votes.hours", votes.Hours, 1, MaxVotingHours, "one week", errors);
        CheckRange("votes.explanationHours", votes.ExplanationHours, 0, MaxExplanationHours, "three days", errors);
        return votes;
    }

    internal static (int Year, int Month)? ParseMonth(string text) =>
        DateTime.TryParseExact(text.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? (date.Year, date.Month)
            : null;

    internal static bool IsValidCode(string code) =>
        code.Length is 2 or 3 && code.All(c => c is >= 'A' and <= 'Z');

    private static void CheckRange(string path, int value, int min, int max, string maxMeaning, List<string> errors)
    {
        if (value < min || value > max)
        {
            errors.Add($"{path}: {value} is out of range {min}..{max} ({maxMeaning})");
        }
    }

    // A typo such as "alowChange" would otherwise silently fall back to the default.
    // A member's or the body's name in other languages ("fr": "Belgique"); the English "name" stays the one the rotation
    // sorts by, and the one shown when a language has none.
    private static Dictionary<string, string> ReadNames(JsonElement item, string path, List<string> errors, string key = "names")
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!item.TryGetProperty(key, out var element))
        {
            return names;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{Join(path, key)}: expected an object of language code and name, e.g. {{ \"fr\": \"Belgique\" }}");
            return names;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(property.Value.GetString()))
            {
                errors.Add($"{Join(path, key)}.{property.Name}: expected a non-empty name");
                continue;
            }

            names[property.Name] = property.Value.GetString()!;
        }

        return names;
    }

    private static void RejectUnknown(JsonElement element, string path, List<string> errors, params string[] known) =>
        RejectUnknown(element, path, errors, known, []);

    private static void RejectUnknown(JsonElement element, string path, List<string> errors, string[] known, string[] optional)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal) && !optional.Contains(property.Name, StringComparer.Ordinal))
            {
                errors.Add($"{Join(path, property.Name)}: unknown property (expected {string.Join(", ", known)})");
            }
        }
    }

    private static string? ReadString(JsonElement element, string path, string name, List<string> errors, bool required)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                errors.Add(path.Length == 0 ? $"missing {name}" : $"{path}: missing {name}");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add($"{Join(path, name)}: expected text");
            return null;
        }

        var text = value.GetString()!.Trim();
        if (text.Length == 0)
        {
            errors.Add(path.Length == 0 ? $"missing {name}" : $"{path}: missing {name}");
            return null;
        }

        return text;
    }

    private static bool? ReadBool(JsonElement element, string path, string name, List<string> errors)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        errors.Add($"{Join(path, name)}: expected true or false");
        return null;
    }

    private static int? ReadInt(JsonElement element, string path, string name, List<string> errors)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
        {
            return number;
        }

        errors.Add($"{Join(path, name)}: expected a whole number");
        return null;
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static IEnumerable<string> Duplicates(IEnumerable<string> values, StringComparer comparer) =>
        values.GroupBy(v => v, comparer).Where(g => g.Count() > 1).Select(g => g.Key);
}
