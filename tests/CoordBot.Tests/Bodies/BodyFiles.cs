using CoordBot.Domain.Council;

namespace CoordBot.Tests.Bodies;

/// <summary>Council files for tests of several bodies: the 2020 council's members under another key and name.</summary>
internal static class BodyFiles
{
    public static string Write(Support.TempDirectory directory, string? key, string shortName, string name)
    {
        var path = directory.File($"{key ?? "nokey"}-{Guid.NewGuid():N}.json");
        var json = CouncilPresets.SecurityCouncil2020Json.Replace(
            "\"name\": \"United Nations Security Council (2020)\",",
            (key is null ? "" : $"\"key\": \"{key}\", ") + $"\"shortName\": \"{shortName}\", \"name\": \"{name}\",",
            StringComparison.Ordinal);
        if (json == CouncilPresets.SecurityCouncil2020Json)
        {
            throw new InvalidOperationException("The preset's name line changed; update BodyFiles.");
        }

        File.WriteAllText(path, json);
        return path;
    }
}
