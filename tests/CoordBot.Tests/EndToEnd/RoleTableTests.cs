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
/// each refusal changes nothing. The bot serves two bodies (issue 25): the walk's people sit on the first, and a
/// group linked in the second acts only in the second, where they are not members.
/// </summary>
public sealed class RoleTableTests
{
    private const string Heading = "### Who may do what, where";
    private const string Yes = "✓";
    private const string No = "·";

    private const long Stranger = 901, EstObserver = 102, EstAdviser = 103, EstDeputy = 104, FraHead = 201, PresidentHead = 301;
    private const long EstGroup = -1102, FraGroup = -1201, OtherBodyGroup = -1501, OtherBodyHead = 501;
    private const int FirstBody = 1, OtherBody = 2;
    /// <summary>The groups linked at the start (chat: delegation and body), put back after each attempt (an admitted /linkgroup moves one).</summary>
    private readonly Dictionary<long, (string Code, int Body)> _links = [];
    private long _unlinked = -1900;

    private static readonly string[] Roles = ["stranger", "observer", "adviser", "deputy", "head", "president", "operator"];
    private static readonly string[] Places = ["private", "own group", "another delegation's group", "unlinked group", "another body's group"];

    [Fact]
    public async Task The_readme_table_is_the_declarations_and_the_bot_does_what_it_says_in_every_role_and_chat()
    {
        using var directory = new TempDirectory();
        await using var bot = await StartAsync(directory);
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
                    "another body's group" => OtherBodyGroup,
                    _ => NewUnlinkedGroup(bot),
                };
                if (chat != 0)
                {
                    // In another body's group the rule is that body's, where the member is no member.
                    var asSeen = place == "another body's group" ? AsInAnotherBody(member) : member;
                    await AttemptAsync(bot, info, member, chat, admitted: Cell(table, info, place) == Yes, $"/{info.Name} by the {memberRole} in the {place}", asSeen);
                }
            }
        }

        Assert.True(ReadmeTable() == table, $"The README's table \"{Heading}\" is not what the commands declare. It should read:\n\n{table}");
    }

    /// <summary>
    /// The walk's body dimension by id (issue 25): ids are unique across the bot, so a member of one body may type another
    /// body's draft, vote or session id. Each command answers exactly as for an id that does not exist, and changes nothing.
    /// </summary>
    [Fact]
    public async Task A_member_of_one_body_learns_nothing_of_another_body_s_drafts_votes_and_sessions_by_their_ids()
    {
        using var directory = new TempDirectory();
        await using var bot = await StartAsync(directory);
        var president = await PresidentCodeAsync(bot);
        var (est, fra) = Others(bot, president);
        await SeedAsync(bot, president, est, fra);
        const string Title = "Working group text on children";
        Assert.Contains("Created D1", (await bot.AskAsync(OtherBodyHead, $"/draft_new {Title}\nThe Working Group,")).PlainText, StringComparison.Ordinal);
        await bot.AskAsync(OtherBodyHead, "/circulate D1");
        await bot.AskAsync(OtherBodyHead, "/blue D1");
        await bot.AskAsync(BotHarness.OperatorId, "/vote_open D1 substantive 24h");
        await bot.AskAsync(BotHarness.OperatorId, "/schedule wg 2027-01-15 15:00 UTC closed Children and armed conflict");
        await using (var db = await bot.Services.GetRequiredService<UnitOfWork>().ReadAsync(CancellationToken.None))
        {
            Assert.Equal(OtherBody, (await db.Votes.IgnoreQueryFilters().SingleAsync()).BodyId);
            Assert.Equal(OtherBody, (await db.Sessions.IgnoreQueryFilters().SingleAsync()).BodyId);
        }

        string[] probes =
        [
            "/draft D{0}", "/diff D{0} v1 v2", "/comments D{0}", "/comment D{0} A remark", "/tally D{0}", "/vote D{0} yes", "/record D{0}", "/audit D{0}",
            "/hold D{0}", "/lift D{0}", "/breaksilence D{0} We object", "/session S{0}", "/ics S{0}", "/agenda S{0}", "/attend S{0} yes",
        ];
        foreach (var (member, chat) in ((long, long)[])[(FraHead, FraHead), (FraHead, FraGroup), (EstDeputy, EstDeputy)])
        {
            foreach (var probe in probes)
            {
                var before = await StateAsync(bot);
                var absent = await bot.AskAsync(member, string.Format(System.Globalization.CultureInfo.InvariantCulture, probe, 999), chat);
                var between = await StateAsync(bot);
                var other = await bot.AskAsync(member, string.Format(System.Globalization.CultureInfo.InvariantCulture, probe, 1), chat);
                var what = $"{probe} by {member} in {chat}";
                Assert.True(
                    absent.PlainText!.Replace("999", "1", StringComparison.Ordinal) == other.PlainText,
                    $"{what}: another body's id is answered \"{other.PlainText}\", an absent one \"{absent.PlainText}\"");
                Assert.DoesNotContain(Title, other.PlainText, StringComparison.Ordinal);
                // What an absent id leaves (an audit entry, say), another body's leaves too, and nothing else.
                var after = await StateAsync(bot);
                Assert.Equal(Changes(before, between), Changes(between, after));
            }
        }
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
            var where = Places.Select(place => place == "another body's group" ? InAnotherBody(info, people) : Allowed(info.Where, place) ? Yes : No);
            text.Append("| `/").Append(info.Name).Append("` | ").AppendJoin(" | ", who).Append(" | ").AppendJoin(" | ", where).Append(" |\n");
        }

        return text.ToString();
    }

    /// <summary>
    /// A command in a group linked in another body acts in that body, where the walk's member is no member: it is what that
    /// body offers a stranger in another delegation's group (an operator serves every body, so stays one).
    /// </summary>
    private static string InAnotherBody(CommandInfo info, IReadOnlyList<(string Role, Actor Person)> people)
    {
        var walker = people.FirstOrDefault(p => p.Person.IsMember && info.IsOfferedTo(p.Person)).Person ?? people.Single(p => p.Person.IsOperator).Person;
        return info.IsOfferedTo(AsInAnotherBody(walker)) && Allowed(info.Where, walker.IsOperator ? "own group" : "another delegation's group") ? Yes : No;
    }

    /// <summary>The walk's person as another body sees them: no member there (an operator serves every body).</summary>
    private static Actor AsInAnotherBody(Actor person) => person.IsOperator ? person : new Actor(person.UserId, person.DisplayName, false);

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
    private async Task AttemptAsync(BotHarness bot, CommandInfo info, Actor person, long chat, bool admitted, string what, Actor? asSeen = null)
    {
        var before = Counts(bot);
        var state = await StateAsync(bot);
        var reply = await bot.AskAsync(person.UserId, "/" + info.Name, chat);
        await bot.Services.GetRequiredService<DeliveryStatus>().WhenIdleAsync(CancellationToken.None);

        var after = Counts(bot);
        var elsewhere = after.Where(c => c.Key != chat && before.GetValueOrDefault(c.Key) != c.Value).Select(c => c.Key).ToList();
        Assert.True(elsewhere.Count == 0, $"{what} posted in other chats too: {string.Join(", ", elsewhere)}");
        var refusal = Refusals(info, asSeen ?? person).Contains(reply.PlainText!);
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
        await bot.Services.GetRequiredService<UnitOfWork>().RunAsync(async (db, ct) =>
        {
            var groups = await db.DelegationGroups.IgnoreQueryFilters().ToListAsync(ct);
            if (groups.Count != _links.Count || groups.Any(g => !_links.TryGetValue(g.ChatId, out var link) || link != (g.DelegationCode, g.BodyId)))
            {
                db.DelegationGroups.RemoveRange(groups);
                await db.SaveChangesAsync(ct);
                db.DelegationGroups.AddRange(_links.Select(w => new DelegationGroup { BodyId = w.Value.Body, DelegationCode = w.Value.Code, ChatId = w.Key, LinkedBy = BotHarness.OperatorId }));
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

    private static int[] Changes((int, int, int, int, int, int) from, (int, int, int, int, int, int) to) =>
        [to.Item1 - from.Item1, to.Item2 - from.Item2, to.Item3 - from.Item3, to.Item4 - from.Item4, to.Item5 - from.Item5, to.Item6 - from.Item6];

    private static async Task<BotHarness> StartAsync(TempDirectory directory)
    {
        var fast = new Dictionary<string, string?>
        {
            ["Bodies:0:File"] = Bodies.BodyFiles.Write(directory, "unsc", "Council", "Security Council"),
            ["Bodies:1:File"] = Bodies.BodyFiles.Write(directory, "wg", "Working Group", "Working Group on Children and Armed Conflict"),
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
        _links[EstGroup] = (est, FirstBody);
        _links[FraGroup] = (fra, FirstBody);
        _links[GroupOf(president, est, fra, president)] = (president, FirstBody);
        foreach (var (chat, (code, _)) in _links)
        {
            await bot.LinkGroupAsync(code, chat);
        }

        // The other body: one head of its own, whose delegation's group is linked there.
        bot.Emulator.RegisterUser(OtherBodyHead, "Head in the other body");
        bot.Emulator.RegisterGroup(OtherBodyGroup, "Linked in the other body");
        _links[OtherBodyGroup] = (fra, OtherBody);
        var now = bot.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await bot.Services.GetRequiredService<UnitOfWork>().RunAsync((db, ct) =>
        {
            db.People.Add(new Person { UserId = OtherBodyHead, DisplayName = "Head in the other body", FirstSeenAt = now, LastSeenAt = now });
            db.Memberships.Add(new Membership { BodyId = OtherBody, UserId = OtherBodyHead, DelegationCode = fra, Role = DelegationRole.Head, JoinedAt = now, InvitedBy = BotHarness.OperatorId });
            db.DelegationGroups.Add(new DelegationGroup { BodyId = OtherBody, DelegationCode = fra, ChatId = OtherBodyGroup, Title = "Linked in the other body", LinkedBy = BotHarness.OperatorId, LinkedAt = now });
            return Task.CompletedTask;
        }, CancellationToken.None);
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
