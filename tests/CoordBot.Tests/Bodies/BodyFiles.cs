using CoordBot.Domain.Council;

namespace CoordBot.Tests.Bodies;

/// <summary>Council files for tests of several bodies: the 2020 council's members under another key and name.</summary>
internal static class BodyFiles
{
    public static string Write(Support.TempDirectory directory, string? key, string shortName, string name)
    {
        var path = directory.File($"{key ?? "nokey"}-{Guid.NewGuid():N}.json");
        // The 2020 preset as a body: its own key (none: the file names none), short name and name.
        var council = System.Text.Json.Nodes.JsonNode.Parse(CouncilPresets.SecurityCouncil2020Json)!.AsObject();
        council.Remove("key");
        if (key is not null)
        {
            council["key"] = key;
        }

        council["shortName"] = shortName;
        council["name"] = name;
        var json = council.ToJsonString();
        File.WriteAllText(path, json);
        return path;
    }
}
