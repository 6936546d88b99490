using System.Globalization;
using System.Text.RegularExpressions;
using CoordBot.BotApi;
using CoordBot.Council;
using CoordBot.Domain.Membership;
using CoordBot.Domain.Presidency;
using CoordBot.Features.Delegations;
using CoordBot.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoordBot.Sandbox;

/// <summary>
/// The sandbox page's "Demo council": a head for every delegation of the council file, the month's chair and three
/// linked groups, built the way people would build it, through the bot's own commands: the operator sends
/// /invite, each head redeems the token with /join, and the heads of the presiding and the next two presiding
/// delegations send /linkgroup in their group. Run again, it completes what is missing and changes nothing else.
/// </summary>
public sealed partial class DemoCouncil(
    CouncilProvider council,
    IOptions<SandboxOptions> sandbox,
    IDbContextFactory<CoordBotDb> databases,
    TimeProvider time,
    ILogger<DemoCouncil> logger)
{
    /// <summary>The head of the delegation at position <c>i</c> (from 1) of the council file is user <c>HeadIdBase + i</c>.</summary>
    public const long HeadIdBase = 100;

    /// <summary>The group of the delegation at position <c>i</c> (from 1) is chat <c>GroupIdBase - i</c>.</summary>
    public const long GroupIdBase = -100100;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public const string ActionLabel = "Demo council";

    public static long HeadIdOf(int position) => HeadIdBase + position;

    public static long GroupIdOf(int position) => GroupIdBase - position;

    /// <summary>The page's button.</summary>
    public EmulatorAction Action() => new(
        "demo-council",
        ActionLabel,
        "Sets up the council file's delegations with a head each, this month's chair and three linked groups, through the bot's own commands (about half a minute: the bot keeps to Telegram's pace of one message a second per chat).",
        async (emulator, ct) => (await BuildAsync(emulator, ct)).Summary);

    /// <summary>
    /// The first body's key and a space when the deployment serves several bodies (the operator sits on all of them, so
    /// a bare /invite would be asked which body); nothing for one body, whose commands stay as they always were.
    /// </summary>
    private string BodyWord => council.IsMultiBody ? council.Bodies[0].Key + " " : string.Empty;

    public async Task<DemoCouncilResult> BuildAsync(BotApiEmulator emulator, CancellationToken cancellationToken)
    {
        var members = council.Council.Members;
        var operatorId = sandbox.Value.OperatorId;
        emulator.RegisterUser(operatorId, "Sandbox operator");

        var (heads, linked) = await CurrentCouncilAsync(cancellationToken);
        var joins = new List<Task>();
        var invited = 0;
        for (var i = 0; i < members.Count; i++)
        {
            var member = members[i];
            var headId = HeadIdOf(i + 1);
            if (heads.ContainsKey(member.Code))
            {
                continue;
            }

            if (heads.ContainsValue(headId))
            {
                throw new InvalidOperationException($"User {headId} already belongs to another delegation; the demo council cannot give them {member.Name}.");
            }

            var invitation = await ReplyToAsync(emulator, operatorId, operatorId, $"/invite {BodyWord}{member.Code} head", cancellationToken, m => m.PlainText?.Contains("start=", StringComparison.Ordinal) == true);
            if (TokenPattern().Match(invitation.PlainText ?? "") is not { Success: true } token)
            {
                throw new InvalidOperationException($"The bot did not give an invitation for {member.Name}: {invitation.PlainText}");
            }

            emulator.RegisterUser(headId, $"Head of {member.Name}");
            joins.Add(ReplyToAsync(emulator, headId, headId, $"/join {token.Groups[1].Value}", cancellationToken));
            heads[member.Code] = headId;
            invited++;
        }

        await Task.WhenAll(joins);

        var now = time.GetUtcNow().UtcDateTime;
        var rotation = PresidencyRotation.For(council.Council);
        string chairCode;
        await using (var db = await databases.CreateDbContextAsync(cancellationToken))
        {
            chairCode = await new PresidencyService(council).PresidentCodeAsync(db, now, cancellationToken);
        }

        // The chair's group and those of the next two presidents: the groups a newcomer is most likely to watch.
        var groupCodes = new[] { chairCode, rotation.PresidentFor(now.AddMonths(1).Year, now.AddMonths(1).Month), rotation.PresidentFor(now.AddMonths(2).Year, now.AddMonths(2).Month) }
            .Distinct().ToList();
        var linking = new List<Task>();
        foreach (var code in groupCodes.Where(c => !linked.ContainsKey(c)))
        {
            var position = PositionOf(code);
            var chatId = GroupIdOf(position);
            emulator.RegisterGroup(chatId, $"{council.Council.NameOf(code)} delegation");
            linking.Add(ReplyToAsync(emulator, chatId, heads[code], "/linkgroup", cancellationToken));
            linked[code] = chatId;
        }

        await Task.WhenAll(linking);

        var chairId = heads[chairCode];
        var groupNames = string.Join(", ", groupCodes.Select(c => council.Council.NameOf(c)));
        var summary = string.Create(
            CultureInfo.InvariantCulture,
            $"Demo council ready: {heads.Count} heads of delegation (users {HeadIdOf(1)}–{HeadIdOf(members.Count)}), {invited} invited now; chair this month: Head of {council.Council.NameOf(chairCode)} (user {chairId}); linked groups: {groupNames}. The operator is user {operatorId}.");
        logger.LogInformation("Sandbox demo council: {Heads} heads, {Invited} invited now, {Groups} groups linked", heads.Count, invited, groupCodes.Count);
        return new DemoCouncilResult(summary, chairCode, chairId, heads, linked);
    }

    private int PositionOf(string code)
    {
        var members = council.Council.Members;
        for (var i = 0; i < members.Count; i++)
        {
            if (members[i].Code == code)
            {
                return i + 1;
            }
        }

        throw new InvalidOperationException($"{code} is not in the council file.");
    }

    private async Task<(Dictionary<string, long> Heads, Dictionary<string, long> Groups)> CurrentCouncilAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var heads = await db.Memberships.AsNoTracking()
            .Where(m => m.EndedAt == null && m.Role == DelegationRole.Head)
            .ToListAsync(cancellationToken);
        var groups = await db.DelegationGroups.AsNoTracking().ToListAsync(cancellationToken);
        return (heads.GroupBy(m => m.DelegationCode).ToDictionary(g => g.Key, g => g.First().UserId),
            groups.GroupBy(g => g.DelegationCode).ToDictionary(g => g.Key, g => g.First().ChatId));
    }

    /// <summary>A person writes in a chat and the bot's next message there comes back.</summary>
    private static async Task<SentMessage> ReplyToAsync(
        BotApiEmulator emulator, long chatId, long userId, string text, CancellationToken cancellationToken, Func<SentMessage, bool>? expected = null)
    {
        var last = emulator.MessagesIn(chatId).Select(m => m.MessageId).DefaultIfEmpty(0).Max();
        emulator.SendText(chatId, userId, text);
        return await emulator.WaitForMessageAsync(chatId, m => m.MessageId > last && (expected is null || expected(m)), Patience, cancellationToken);
    }

    [GeneratedRegex(@"start=([A-Za-z0-9_\-]+)")]
    private static partial Regex TokenPattern();
}

/// <summary>What the demo council consists of: heads and linked groups by delegation code.</summary>
public sealed record DemoCouncilResult(
    string Summary,
    string ChairCode,
    long ChairId,
    IReadOnlyDictionary<string, long> Heads,
    IReadOnlyDictionary<string, long> Groups);
