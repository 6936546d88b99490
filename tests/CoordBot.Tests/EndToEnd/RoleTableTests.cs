using System.Text;
using CoordBot.Domain.Membership;
using CoordBot.Features.Delegations;
using CoordBot.Persistence;
using CoordBot.Telegram.Delivery;
using CoordBot.Telegram.Routing;
using CoordBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoordBot.Tests.EndToEnd;

/// <summary>
/// The README's table of who may do what, where (issue 12): it is the declarations written out, and the running
/// bot is walked against it: every command, from every role in a private chat, and from a member it admits in
/// each kind of chat. Each attempt is answered in the chat it was made in and posts nothing anywhere else;
/// each refusal changes nothing.
/// </summary>
public sealed class RoleTableTests
{
    private const string Heading = "### Who may do what, where";
    private const string Yes = "✓";
    private const string No = "·";

    private const long Stranger = 901, EstObserver = 102, EstAdviser = 103, EstDeputy = 104, FraHead = 201, PresidentHead = 301;
    private const long EstGroup = -1102, FraGroup = -1201;
    /// <summary>The groups linked at the start, put back after each attempt (an admitted /linkgroup moves one).</summary>
    private readonly Dictionary<string, long> _links = new(StringComparer.Ordinal);
    private long _unlinked = -1900;

    private static readonly string[] Roles = ["stranger", "observer", "adviser", "deputy", "head", "president", "operator"];
    private static readonly string[] Places = ["private", "own group", "another delegation's group", "unlinked group"];

    [Fact]
    public async Task The_readme_table_is_the_declarations_and_the_bot_does_what_it_says_in_every_role_and_chat()
    {
        await using var bot = await StartAsync();
        var president = await PresidentCodeAsync(bot);
        var (est, fra) = Others(bot, president);
        var people = People(president, est, fra);
        var commands = bot.Services.GetRequiredService<UpdateRouter>().Commands.Select(c => c.Info).ToList();

        var table = Table(commands, people);
        await SeedAsync(bot, president, est, fra);
        foreach (var info in commands)
        {
            foreach (var (role, person) in people)
            {
                var chat = info.Where == ChatScope.Group ? NewUnlinkedGroup(bot) : person.UserId;
                await AttemptAsync(bot, info, person, chat, admitted: Cell(table, info, role) == Yes, $"/{info.Name} by the {role}");
            }

            var (memberRole, member) = people.FirstOrDefault(p => p.Person.IsMember && info.IsOfferedTo(p.Person));
            if (member is null)
            {
                (memberRole, member) = people.Single(p => p.Person.IsOperator);
            }

            foreach (var place in Places)
            {
                var chat = place switch
                {
                    "private" => member.UserId,
                    "own group" => member.DelegationCode is null ? 0 : GroupOf(member.DelegationCode, est, fra, president),
                    "another delegation's group" => member.DelegationCode == est ? FraGroup : EstGroup,
                    _ => NewUnlinkedGroup(bot),
                };
                if (chat != 0)
                {
                    await AttemptAsync(bot, info, member, chat, admitted: Cell(table, info, place) == Yes, $"/{info.Name} by the {memberRole} in the {place}");
                }
            }
        }

        Assert.True(ReadmeTable() == table, $"The README's table \"{Heading}\" is not what the commands declare. It should read:\n\n{table}");
    }

    /// <summary>
    /// The table, one row a command: which roles its rule admits (asked in a private chat) and where a member
    /// it admits may use it (an operator, who belongs to no delegation, may use any linked group).
    /// </summary>
    private static string Table(IEnumerable<CommandInfo> commands, IReadOnlyList<(string Role, Actor Person)> people)
    {
        var text = new StringBuilder();
        text.Append("| command | ").AppendJoin(" | ", Roles).Append(" | ").AppendJoin(" | ", Places).Append(" |\n");
        text.Append("| --- |").Append(string.Concat(Enumerable.Repeat(" :-: |", Roles.Length + Places.Length))).Append('\n');
        foreach (var info in commands)
        {
            var who = people.Select(p => info.IsOfferedTo(p.Person) ? Yes : No);
            var where = Places.Select(place => Allowed(info.Where, place) ? Yes : No);
            text.Append("| `/").Append(info.Name).Append("` | ").AppendJoin(" | ", who).Append(" | ").AppendJoin(" | ", where).Append(" |\n");
        }

        return text.ToString();
    }

    private static bool Allowed(ChatScope scope, string place) => scope switch
    {
        ChatScope.Anywhere => true,
        ChatScope.Private => place == "private",
        ChatScope.Group => place != "private",
        _ => place is "private" or "own group",
    };

    private static string Cell(string table, CommandInfo info, string column)
    {
        var header = table.Split('\n')[0].Split('|').Select(c => c.Trim()).ToList();
        var row = table.Split('\n').Single(l => l.StartsWith($"| `/{info.Name}` |", StringComparison.Ordinal)).Split('|').Select(c => c.Trim()).ToList();
        return row[header.IndexOf(column)];
    }

    /// <summary>
    /// Sends the bare command and waits for the bot to finish: the answer is in <paramref name="chat"/> and nowhere
    /// else; a refusal is one of the gate's sentences and changes nothing, an admitted command gets anything but.
    /// </summary>
    private async Task AttemptAsync(BotHarness bot, CommandInfo info, Actor person, long chat, bool admitted, string what)
    {
        var before = Counts(bot);
        var state = await StateAsync(bot);
        var reply = await bot.AskAsync(person.UserId, "/" + info.Name, chat);
        await bot.Services.GetRequiredService<DeliveryStatus>().WhenIdleAsync(CancellationToken.None);

        var after = Counts(bot);
        var elsewhere = after.Where(c => c.Key != chat && before.GetValueOrDefault(c.Key) != c.Value).Select(c => c.Key).ToList();
        Assert.True(elsewhere.Count == 0, $"{what} posted in other chats too: {string.Join(", ", elsewhere)}");
        var refusal = Refusals(info, person).Contains(reply.PlainText!);
        Assert.True(refusal != admitted, $"{what} (chat {chat}) was {(refusal ? "refused" : "answered")}, the table says {(admitted ? "answered" : "refused")}: \"{reply.PlainText}\"");
        if (refusal)
        {
            Assert.Equal(state, await StateAsync(bot));
        }

        await RelinkAsync(bot);
    }

    /// <summary>Puts the linked groups back where they were, should an admitted /linkgroup have moved one.</summary>
    private async Task RelinkAsync(BotHarness bot)
    {
        var wanted = _links.ToDictionary(l => l.Value, l => l.Key);
        await bot.Services.GetRequiredService<UnitOfWork>().RunAsync(async (db, ct) =>
        {
            var groups = await db.DelegationGroups.ToListAsync(ct);
            if (groups.Count != wanted.Count || groups.Any(g => !wanted.TryGetValue(g.ChatId, out var code) || code != g.DelegationCode))
            {
                db.DelegationGroups.RemoveRange(groups);
                await db.SaveChangesAsync(ct);
                db.DelegationGroups.AddRange(wanted.Select(w => new DelegationGroup { DelegationCode = w.Value, ChatId = w.Key, LinkedBy = BotHarness.OperatorId }));
            }
        }, CancellationToken.None);
    }

    private static HashSet<string> Refusals(CommandInfo info, Actor person)
    {
        var refusals = new HashSet<string>(StringComparer.Ordinal)
        {
            EnglishTexts.UnlinkedGroup,
            EnglishTexts.OtherDelegationsGroup,
            $"Send /{info.Name} to me in a private chat.",
            $"Send /{info.Name} in your delegation's Telegram group (add me to the group first).",
        };
        if (info.Rule(person) is { IsAllowed: false, Reason: { } reason })
        {
            refusals.Add(CoordBot.Localization.Reasons.Sentence(CoordBot.Localization.Languages.English, reason));
        }

        return refusals;
    }

    private static Dictionary<long, int> Counts(BotHarness bot) =>
        bot.Emulator.Chats().ToDictionary(c => c.ChatId, c => c.MessageCount);

    private static async Task<(int, int, int, int, int, int)> StateAsync(BotHarness bot)
    {
        await using var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        return (
            await db.Memberships.CountAsync(),
            await db.DelegationGroups.CountAsync(),
            await db.Sessions.CountAsync(),
            await db.Drafts.CountAsync(),
            await db.Invitations.CountAsync(),
            await db.AuditEntries.CountAsync());
    }

    private static async Task<BotHarness> StartAsync()
    {
        var fast = new Dictionary<string, string?>
        {
            ["Delivery:PrivatePerSecond"] = "1000",
            ["Delivery:PrivateBurst"] = "1000",
            ["Delivery:GroupPerMinute"] = "6000",
        };
        return await BotHarness.StartAsync(fast, new CoordBot.BotApi.BotApiEmulatorOptions { PrivatePerSecond = 1000, PrivateBurst = 1000, GroupPerMinute = 6000 });
    }

    private static async Task<string> PresidentCodeAsync(BotHarness bot)
    {
        await using var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None);
        var now = bot.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        return await bot.Services.GetRequiredService<PresidencyService>().PresidentCodeAsync(db, now, CancellationToken.None);
    }

    /// <summary>Two delegations that do not preside this month: Estonia and France unless one of them does.</summary>
    private static (string Est, string Fra) Others(BotHarness bot, string president)
    {
        var codes = bot.Services.GetRequiredService<Council.CouncilProvider>().Council.Members.Select(m => m.Code).Where(c => c != president).ToList();
        var est = codes.Contains("EST") ? "EST" : codes[0];
        var fra = codes.First(c => c != est && (c == "FRA" || !codes.Contains("FRA")));
        return (est, fra);
    }

    private static List<(string Role, Actor Person)> People(string president, string est, string fra) =>
    [
        ("stranger", new Actor(Stranger, "Stranger", false, PresidentCode: president)),
        ("observer", new Actor(EstObserver, "Observer", false, est, DelegationRole.Observer, PresidentCode: president)),
        ("adviser", new Actor(EstAdviser, "Adviser", false, est, DelegationRole.Adviser, PresidentCode: president)),
        ("deputy", new Actor(EstDeputy, "Deputy", false, est, DelegationRole.Deputy, PresidentCode: president)),
        ("head", new Actor(FraHead, "Head", false, fra, DelegationRole.Head, PresidentCode: president)),
        ("president", new Actor(PresidentHead, "President", false, president, DelegationRole.Head, PresidentCode: president)),
        ("operator", new Actor(BotHarness.OperatorId, "Operator", true, PresidentCode: president)),
    ];

    private async Task SeedAsync(BotHarness bot, string president, string est, string fra)
    {
        bot.Emulator.RegisterUser(Stranger, "Stranger");
        await bot.SeedMemberAsync(EstObserver, est, DelegationRole.Observer);
        await bot.SeedMemberAsync(EstAdviser, est, DelegationRole.Adviser);
        await bot.SeedMemberAsync(EstDeputy, est, DelegationRole.Deputy);
        await bot.SeedMemberAsync(FraHead, fra, DelegationRole.Head);
        await bot.SeedMemberAsync(PresidentHead, president, DelegationRole.Head);
        _links[est] = EstGroup;
        _links[fra] = FraGroup;
        _links[president] = GroupOf(president, est, fra, president);
        foreach (var (code, chat) in _links)
        {
            await bot.LinkGroupAsync(code, chat);
        }
    }

    private static long GroupOf(string code, string est, string fra, string president) =>
        code == est ? EstGroup : code == fra ? FraGroup : code == president ? -1301 : 0;

    private long NewUnlinkedGroup(BotHarness bot)
    {
        var chat = --_unlinked;
        bot.Emulator.RegisterGroup(chat, $"Unlinked {-chat}");
        return chat;
    }

    /// <summary>The table under <see cref="Heading"/> in the repository's README.</summary>
    private static string ReadmeTable()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CoordBot.sln")))
        {
            directory = directory.Parent;
        }

        var lines = File.ReadAllLines(Path.Combine(directory!.FullName, "README.md"));
        var start = Array.IndexOf(lines, Heading);
        return start < 0
            ? string.Empty
            : string.Concat(lines.Skip(start + 1).SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')).Select(l => l + "\n"));
    }
}
