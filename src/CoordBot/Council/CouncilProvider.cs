using CoordBot.Domain.Council;
using CoordBot.Features.Bodies;
using CoordBot.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoordBot.Council;

/// <summary>
/// The bodies the bot serves, read and validated once at start from <c>Council:File</c> and <c>Bodies:&lt;n&gt;:File</c>
/// (issue 25). <see cref="Council"/> is the body in scope (<see cref="BodyScope"/>): the one an update or a job acts in,
/// else the first.
/// </summary>
public sealed class CouncilProvider(IOptions<CouncilOptions> options)
{
    private readonly Lazy<IReadOnlyList<BodyDefinition>> _bodies = new(() => LoadBodies(options.Value));

    public IReadOnlyList<BodyDefinition> Bodies => _bodies.Value;

    /// <summary>The body in scope, else the first.</summary>
    public BodyDefinition Current => BodyScope.CurrentId is { } id && Find(id) is { } body ? body : Bodies[0];

    /// <summary>The council definition of the body in scope.</summary>
    public CouncilDefinition Council => Current.Council;

    public bool IsMultiBody => Bodies.Count > 1;

    public BodyDefinition? Find(int id)
    {
        foreach (var body in Bodies)
        {
            if (body.Id == id || (body.Id == 0 && id == Body.FirstId && ReferenceEquals(body, Bodies[0])))
            {
                return body;
            }
        }

        return null;
    }

    public BodyDefinition? FindByKey(string key) =>
        Bodies.FirstOrDefault(b => string.Equals(b.Key, key, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Gives each configured body its id, kept across starts by key: the first configured body takes the row the
    /// migration made for the data written before bodies (id 1, no key yet); a new body a new id.
    /// </summary>
    public async Task RegisterAsync(IDbContextFactory<CoordBotDb> factory, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var stored = await db.Bodies.ToListAsync(cancellationToken);
        for (var i = 0; i < Bodies.Count; i++)
        {
            var body = Bodies[i];
            var row = stored.FirstOrDefault(r => string.Equals(r.Key, body.Key, StringComparison.Ordinal))
                ?? (i == 0 ? stored.FirstOrDefault(r => r.Id == Body.FirstId && r.Key.Length == 0) : null);
            if (row is null)
            {
                row = new Body { Id = stored.Count == 0 ? Body.FirstId : stored.Max(r => r.Id) + 1, Key = body.Key, Name = body.Council.Name };
                db.Bodies.Add(row);
                stored.Add(row);
            }

            row.Key = body.Key;
            row.Name = body.Council.Name;
            body.Id = row.Id;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The first configured body's council (a single-body deployment's only one).</summary>
    public static CouncilDefinition Load(CouncilOptions options) => LoadBodies(options)[0].Council;

    /// <summary>The configured bodies; throws <see cref="ConfigurationException"/> with one line naming the key at fault.</summary>
    public static IReadOnlyList<BodyDefinition> LoadBodies(CouncilOptions options)
    {
        var files = new List<(string Setting, string? File)>();
        if (!string.IsNullOrWhiteSpace(options.File) || options.BodyFiles.Count == 0)
        {
            files.Add(("Council:File", options.File));
        }

        for (var i = 0; i < options.BodyFiles.Count; i++)
        {
            var file = options.BodyFiles[i];
            if (string.IsNullOrWhiteSpace(file))
            {
                throw new ConfigurationException($"{CouncilOptions.BodiesSection}:{i}:File is empty; name a council file");
            }

            // Council:File listed again under Bodies is the same body, not a second one.
            if (i == 0 && files.Count == 1 && files[0].File is { } first && Path.GetFullPath(first) == Path.GetFullPath(file))
            {
                continue;
            }

            files.Add(($"{CouncilOptions.BodiesSection}:{i}:File", file));
        }

        var bodies = new List<BodyDefinition>();
        foreach (var (setting, file) in files)
        {
            var council = LoadFile(setting, file);
            var key = council.Key;
            if (key == CouncilDefinition.DefaultKey)
            {
                if (files.Count > 1)
                {
                    throw new ConfigurationException($"{setting} ({council.Name}) has no \"key\"; with several bodies each council file needs one (e.g. \"unsc\", \"1718\", \"psc\")");
                }

                key = CouncilOptions.DefaultKey;
            }

            if (bodies.FirstOrDefault(b => b.Key == key) is { } twin)
            {
                throw new ConfigurationException($"{setting}: the key \"{key}\" is already the key of {twin.Source}; body keys must be unique");
            }

            bodies.Add(new BodyDefinition(key, council.ShortName, council, setting));
        }

        foreach (var body in bodies)
        {
            foreach (var other in bodies)
            {
                if (other.Council.IsMember(body.Key))
                {
                    throw new ConfigurationException($"{body.Source}: the key \"{body.Key}\" is a member's code in {other.Source}; choose a key no member has as code");
                }
            }
        }

        return bodies;
    }

    private static CouncilDefinition LoadFile(string setting, string? file)
    {
        var configured = !string.IsNullOrWhiteSpace(file);
        var path = configured ? Path.GetFullPath(file!) : Path.Combine(AppContext.BaseDirectory, CouncilOptions.PresetFile);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException(configured
                ? $"{setting} cannot be read ({path}: {ex.Message})"
                : $"the shipped council preset is missing ({path}); reinstall, or set Council:File");
        }

        var parsed = CouncilDefinition.Parse(json);
        if (!parsed.IsSuccess)
        {
            throw new ConfigurationException($"{setting} {path} is not a valid council: {string.Join("; ", parsed.Errors)}");
        }

        return parsed.Value;
    }
}
