using System.Globalization;
using System.Text.RegularExpressions;
using CoordBot.BotApi;
using CoordBot.Council;
using CoordBot.Domain.Drafts;
using CoordBot.Features.Sessions;
using CoordBot.Features.Voting;
using CoordBot.Persistence;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoordBot.Sandbox;

/// <summary>
/// The sandbox page's "Play a council day": the whole product in a few minutes, played through the bot's own
/// commands and buttons as its members would, on the demo council: the chair announces a session and the
/// delegations answer on its buttons; a penholder drafts a statement and circulates it; one delegation comments,
/// another proposes an amendment, which the penholder accepts on its button and writes into a new version; the
/// text goes under silence, the sandbox clock passes its deadline, it goes in blue; the chair opens the vote, every
/// head votes on the ballot's buttons and the result reaches every delegation. Each step waits for the bot's
/// answer, and <c>Sandbox:CouncilDayPace</c> between steps lets a newcomer follow it; the page says what happens.
/// </summary>
public sealed partial class CouncilDay(
    DemoCouncil demo,
    CouncilProvider council,
    IOptions<SandboxOptions> sandbox,
    IOptions<VotingOptions> voting,
    IDbContextFactory<CoordBotDb> databases,
    TimeProvider time,
    ILogger<CouncilDay> logger)
{
    public const string ActionLabel = "Play a council day";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    /// <summary>How long to look for the Accept button under an amendment's notice before typing /accept instead.</summary>
    private static readonly TimeSpan ButtonPatience = TimeSpan.FromSeconds(20);

    /// <summary>The page's button; <paramref name="advanceClock"/> moves the sandbox clock past the silence deadline.</summary>
    public EmulatorAction Action(Func<TimeSpan, CancellationToken, Task> advanceClock) => new(
        "council-day",
        ActionLabel,
        "Plays a day of the council through the bot's commands and buttons, on the demo council: a session announced and attended, a draft circulated, commented, amended, put under silence and in blue, and a vote with its result in every delegation. A few minutes; the chats concerned open as it goes.",
        (emulator, ct) => PlayAsync(emulator, advanceClock, ct));

    public async Task<string> PlayAsync(BotApiEmulator emulator, Func<TimeSpan, CancellationToken, Task> advanceClock, CancellationToken cancellationToken)
    {
        var play = new Player(emulator, sandbox.Value.CouncilDayPace, time, cancellationToken);
        emulator.Narrate("Council day: first the council itself (as \"Demo council\" builds it)…");
        var built = await demo.BuildAsync(emulator, cancellationToken);
        var members = council.Council.Members;
        var chair = built.ChairId;
        var linkedCodes = built.Groups.Keys.OrderBy(c => c == built.ChairCode ? 0 : 1).ThenBy(c => c, StringComparer.Ordinal).ToList();
        var chairGroup = built.Groups[built.ChairCode];
        var penCode = linkedCodes.FirstOrDefault(c => c != built.ChairCode) ?? built.ChairCode;
        var pen = built.Heads[penCode];
        var penGroup = built.Groups[penCode];
        var commenterCode = linkedCodes.FirstOrDefault(c => c != built.ChairCode && c != penCode) ?? built.ChairCode;
        var commenter = built.Heads[commenterCode];
        var commenterGroup = built.Groups[commenterCode];
        var amenderCode = members.Select(m => m.Code).First(c => !built.Groups.ContainsKey(c));
        var amender = built.Heads[amenderCode];
        string Name(string code) => council.Council.NameOf(code);

        // 1. The chair announces tomorrow's session; every delegation answers on the announcement's buttons.
        var tomorrow = time.GetUtcNow().UtcDateTime.Date.AddDays(1);
        emulator.Narrate($"1/7 The chair (Head of {Name(built.ChairCode)}) announces a session for tomorrow in the delegation's group.", chairGroup, penGroup, commenterGroup);
        var scheduled = await play.SayAsync(chairGroup, chair, string.Create(CultureInfo.InvariantCulture, $"/schedule {tomorrow:yyyy-MM-dd} 10:00 Etc/UTC open 90m Council day: the situation in the sandbox"), SessionId().IsMatch);
        var session = SessionId().Match(scheduled.PlainText!).Groups[1].Value;
        await play.PaceAsync();

        emulator.Narrate($"2/7 Every delegation answers \"We attend\" on the announcement (in its group, or its head in private).", chairGroup, penGroup, commenterGroup);
        var attendance = $"{AttendCallbackHandler.Prefix}:{session}:y";
        foreach (var (code, head) in built.Heads.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            var chat = built.Groups.TryGetValue(code, out var group) ? group : head;
            var announcement = await play.WaitAsync(chat, m => HasButton(m, attendance));
            emulator.PressButton(chat, head, announcement.MessageId, attendance);
        }

        await play.PaceAsync();

        // 2. A draft, circulated, commented and amended; the penholder accepts on the button and revises.
        emulator.Narrate($"3/7 The penholder (Head of {Name(penCode)}) writes a draft statement in the group and circulates it to every delegation.", chairGroup, penGroup, commenterGroup);
        var created = await play.SayAsync(penGroup, pen, "/draft_new Council day statement\nThe Council welcomes the sandbox.\n\nIt encourages every newcomer to press the buttons.", DraftId().IsMatch);
        var draft = DraftId().Match(created.PlainText!).Groups[1].Value;
        await play.PaceAsync();
        await play.SayAsync(penGroup, pen, $"/circulate D{draft}");
        await play.PaceAsync();

        emulator.Narrate($"4/7 Head of {Name(commenterCode)} comments on the draft; Head of {Name(amenderCode)} proposes an amendment, which the penholder accepts and writes into version 2.", penGroup, commenterGroup, amender);
        await play.SayAsync(commenterGroup, commenter, $"/comment D{draft} §2 We would say \"every member\" rather than \"every newcomer\".");
        await play.PaceAsync();
        var amended = await play.SayAsync(amender, amender, $"/amend D{draft} §1 The Council warmly welcomes the sandbox.", AmendmentId().IsMatch);
        var amendment = AmendmentId().Match(amended.PlainText!).Groups[1].Value;
        await play.PaceAsync();
        var accept = $"{CommandButton.Prefix}:accept M{amendment}";
        if (await play.TryWaitAsync(penGroup, m => HasButton(m, accept), ButtonPatience) is { } notice)
        {
            emulator.PressButton(penGroup, pen, notice.MessageId, accept);
        }
        else
        {
            // No Accept button reached the penholder's group: the typed command does the same.
            logger.LogWarning("Council day: no Accept button for M{Amendment} in the penholder's group; typing /accept", amendment);
            await play.SayAsync(penGroup, pen, $"/accept M{amendment}");
        }

        await play.PaceAsync();
        await play.SayAsync(penGroup, pen, $"/revise D{draft}\nThe Council warmly welcomes the sandbox.\n\nIt encourages every member to press the buttons.");
        await play.PaceAsync();

        // 3. Silence, then the sandbox clock passes its deadline; the text goes in blue.
        emulator.Narrate($"5/7 The penholder puts D{draft} under silence for an hour; the sandbox clock moves an hour on and nobody broke silence.", chairGroup, penGroup, commenterGroup);
        await play.SayAsync(penGroup, pen, $"/silence D{draft} 1");
        await play.PaceAsync();
        await advanceClock(TimeSpan.FromMinutes(61), cancellationToken);
        await play.UntilAsync(penGroup, () => DraftStatusAsync(draft, cancellationToken), s => s == DraftStatus.AgreedUnderSilence);
        await play.PaceAsync();
        emulator.Narrate($"6/7 Agreed under silence: the penholder puts D{draft} in blue, and the chair opens the vote.", chairGroup, penGroup, commenterGroup);
        await play.SayAsync(penGroup, pen, $"/blue D{draft}");
        await play.PaceAsync();
        var beforeBallots = built.Heads.Values.ToDictionary(head => head, play.Last);
        await play.SayAsync(chairGroup, chair, $"/vote_open D{draft} substantive 2h");
        await play.PaceAsync();

        // 4. Every head votes on the ballot's buttons: most in favour, two elected members abstain, one is against.
        emulator.Narrate($"7/7 Every head of delegation votes on the ballot in private; the result goes to every delegation.", chairGroup, penGroup, commenterGroup);
        var elected = members.Where(m => !m.Permanent).Select(m => m.Code).ToList();
        var choices = new Dictionary<string, char>(StringComparer.Ordinal);
        for (var i = 0; i < elected.Count && i < 3; i++)
        {
            choices[elected[elected.Count - 1 - i]] = i == 0 ? 'n' : 'a';
        }

        var ballotData = BallotData();
        foreach (var member in members)
        {
            var head = built.Heads[member.Code];
            var ballot = await play.WaitAsync(head, m => m.MessageId > beforeBallots[head] && m.Buttons.Any(b => b.CallbackData is { } d && ballotData.IsMatch(d)));
            var vote = ballotData.Match(ballot.Buttons.Select(b => b.CallbackData ?? "").First(d => ballotData.IsMatch(d))).Groups[1].Value;
            emulator.PressButton(head, head, ballot.MessageId, $"{VotingService.ButtonPrefix}:{vote}:{choices.GetValueOrDefault(member.Code, 'y')}");
        }

        // Everyone has voted: the vote stays open for Voting:EarlyCloseGrace so that a mis-tap can be corrected; the chair,
        // told so in private with a "Close the vote now" button, closes it at once, as a chair who has checked would.
        if (voting.Value.Grace > TimeSpan.Zero)
        {
            var closeNow = $"{VotingService.CloseButtonPrefix}:";
            var everyone = await play.WaitAsync(chair, m => m.Buttons.Any(b => b.CallbackData?.StartsWith(closeNow, StringComparison.Ordinal) == true));
            emulator.PressButton(chair, chair, everyone.MessageId, everyone.Buttons.First(b => b.CallbackData?.StartsWith(closeNow, StringComparison.Ordinal) == true).CallbackData!);
        }

        var status = await play.UntilAsync(chairGroup, () => DraftStatusAsync(draft, cancellationToken), s => s is DraftStatus.Adopted or DraftStatus.NotAdopted);
        var infavour = members.Count - choices.Count;
        var summary = string.Create(
            CultureInfo.InvariantCulture,
            $"Council day played: session S{session} announced and attended by {built.Heads.Count} delegations; draft D{draft} circulated, commented, amended (M{amendment} accepted), revised, agreed under silence and put in blue; the vote closed: {(status == DraftStatus.Adopted ? "adopted" : "not adopted")} ({infavour} in favour, {choices.Values.Count(c => c == 'n')} against, {choices.Values.Count(c => c == 'a')} abstaining). The result is in every delegation's chat.");
        emulator.Narrate(summary, chairGroup, penGroup, commenterGroup);
        logger.LogInformation("Sandbox council day played: S{Session}, D{Draft}, {Status}", session, draft, status);
        return summary;
    }

    private async Task<DraftStatus?> DraftStatusAsync(string draft, CancellationToken cancellationToken)
    {
        var id = long.Parse(draft, CultureInfo.InvariantCulture);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Drafts.AsNoTracking().Where(d => d.Id == id).Select(d => (DraftStatus?)d.Status).FirstOrDefaultAsync(cancellationToken);
    }

    private static bool HasButton(SentMessage message, string data) => message.Buttons.Any(b => b.CallbackData == data);

    /// <summary>Plays the people: writes, waits for the bot's answers, and keeps the pace.</summary>
    private sealed class Player(BotApiEmulator emulator, TimeSpan pace, TimeProvider time, CancellationToken cancellationToken)
    {
        /// <summary>A person writes in a chat; the bot's next message there (matching <paramref name="expected"/>) comes back.</summary>
        public async Task<SentMessage> SayAsync(long chatId, long userId, string text, Func<string, bool>? expected = null)
        {
            var last = Last(chatId);
            emulator.SendText(chatId, userId, text);
            return await emulator.WaitForMessageAsync(
                chatId, m => m.MessageId > last && (expected is null || expected(m.PlainText ?? "")), Patience, cancellationToken);
        }

        public Task<SentMessage> WaitAsync(long chatId, Func<SentMessage, bool> predicate) =>
            emulator.WaitForMessageAsync(chatId, predicate, Patience, cancellationToken);

        public async Task<SentMessage?> TryWaitAsync(long chatId, Func<SentMessage, bool> predicate, TimeSpan patience)
        {
            try
            {
                return await emulator.WaitForMessageAsync(chatId, predicate, patience, cancellationToken);
            }
            catch (TimeoutException)
            {
                return null;
            }
        }

        /// <summary>Waits until <paramref name="done"/> holds for the state read, looking again at each message the chat receives.</summary>
        public async Task<T> UntilAsync<T>(long chatId, Func<Task<T>> read, Func<T, bool> done)
        {
            while (true)
            {
                var last = Last(chatId);
                var value = await read();
                if (done(value))
                {
                    return value;
                }

                await emulator.WaitForMessageAsync(chatId, m => m.MessageId > last, Patience, cancellationToken);
            }
        }

        public Task PaceAsync() => pace > TimeSpan.Zero ? Task.Delay(pace, time, cancellationToken) : Task.CompletedTask;

        public long Last(long chatId) => emulator.MessagesIn(chatId).Select(m => m.MessageId).DefaultIfEmpty(0).Max();
    }

    [GeneratedRegex(@"\bS(\d+)\b")]
    private static partial Regex SessionId();

    [GeneratedRegex(@"\bD(\d+)\b")]
    private static partial Regex DraftId();

    [GeneratedRegex(@"\bM(\d+)\b")]
    private static partial Regex AmendmentId();

    [GeneratedRegex(@"^b:(\d+):y$")]
    private static partial Regex BallotData();
}
