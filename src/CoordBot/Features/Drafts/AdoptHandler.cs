using CoordBot.Domain.Drafts;
using CoordBot.Domain.Sessions;
using CoordBot.Features.Sessions;
using CoordBot.Localization;
using CoordBot.Persistence;
using CoordBot.Telegram.Guides;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;
using static CoordBot.Features.Drafts.DraftGuideWords;

namespace CoordBot.Features.Drafts;

/// <summary>
/// <c>/adopt D&lt;n&gt; S&lt;n&gt;</c>: the president has read an agreed presidential statement at a meeting, which adopts it; it
/// receives its symbol (<c>S/PRST/&lt;year&gt;/&lt;n&gt;</c>) and every delegation that reads it is told. Only the chair, only a
/// presidential statement agreed under silence, only at an open or closed meeting that has begun (informal consultations
/// and Arria-formula meetings have no official record).
/// </summary>
internal sealed class AdoptHandler(DraftDesk desk, AdoptedSymbols symbols) : DraftCommand<long>(desk)
{
    public override CommandInfo Info { get; } = new("adopt", "/adopt D<n> S<n>", "Chair: adopt an agreed presidential statement, read at a meeting")
    {
        Rule = Rules.Chair,
        Where = ChatScope.CouncilChat,
        Example = "/adopt D3 S2",
    };

    protected override DraftReach Reach => DraftReach.Chair;

    protected override DraftAction? Action => DraftAction.AdoptAtMeeting;

    protected override long ParseArguments(ArgReader args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Id('S');
    }

    protected override async Task ExecuteAsync(CommandContext context, Draft draft, long sessionId, CancellationToken cancellationToken)
    {
        var db = context.Update.Db;
        var now = context.Update.NowUtc;
        var session = await db.Sessions.FindAsync([sessionId], cancellationToken);
        var refusal = MeetingRefusal(context.Update.Language, session, SessionIds.Label(sessionId), now, context.Actor.TimeZone);
        if (refusal is not null)
        {
            context.Reply(refusal);
            return;
        }

        draft.Status = DraftPaths.Next(draft.Kind, draft.Status, DraftAction.AdoptAtMeeting, draft: draft.Label).Value;
        draft.AdoptedAtSessionId = session!.Id;
        var symbol = await symbols.AssignAsync(db, draft, now, cancellationToken);
        var version = await Desk.VersionAsync(db, draft, draft.CurrentVersion, cancellationToken);
        context.Update.Audit("draft.adopted", $"{draft.Label} v{version.Number} {version.Hash} adopted as {symbol} ({draft.Kind}, read at {session.Label}) by {context.Actor.UserId}");
        context.Reply(context.Text("Kinds.Adopt.Done", draft.Label, Html.Escape(symbol), session.Label));
        await Desk.NotifyReadersAsync(db, context.Update.Outbox, draft,
            language => Catalogue.Format(language, "Kinds.Prst.Adopted", draft.Label, version.Number, Html.Escape(draft.Title), Html.Escape(symbol), session.Label, Html.Escape(session.Title), Dates.InZone(language, now, null), version.ShortHash),
            cancellationToken);
    }

    /// <summary>Why the statement cannot be adopted at this session (none: it can).</summary>
    internal static string? MeetingRefusal(string language, Session? session, string label, DateTime nowUtc, string? zone) => session switch
    {
        null => Catalogue.Format(language, "Kinds.Adopt.NoSession", label),
        { CancelledAt: not null } => Catalogue.Format(language, "Kinds.Adopt.Cancelled", label),
        { Format: SessionFormat.Arria or SessionFormat.Consultations } => Catalogue.Format(language, "Kinds.Adopt.Informal", label, SessionRendering.FormatName(session.Format, language)),
        _ when session.StartUtc > nowUtc => Catalogue.Format(language, "Kinds.Adopt.NotStarted", label, Dates.InZoneAndUtc(language, session.StartUtc, zone)),
        _ => null,
    };

    /// <summary>Meetings at which a statement may be read now: open or closed, not cancelled, begun; the latest first.</summary>
    internal static async Task<IReadOnlyList<Session>> MeetingsAsync(CoordBotDb db, DateTime nowUtc, CancellationToken cancellationToken) =>
        await db.Sessions.AsNoTracking()
            .Where(s => s.CancelledAt == null && s.StartUtc <= nowUtc && (s.Format == SessionFormat.Open || s.Format == SessionFormat.Closed))
            .OrderByDescending(s => s.StartUtc)
            .Take(6)
            .ToListAsync(cancellationToken);
}

/// <summary>
/// /adopt sent bare, or its button under an agreed presidential statement (the draft already chosen): the statement, then
/// the meeting at which the president read it.
/// </summary>
internal sealed class AdoptGuide : Guide
{
    public override string Command => "adopt";

    public override IReadOnlyList<GuideStep> Steps { get; } =
    [
        DraftGuideSteps.Draft(Q("Kinds.Guide.Draft"), DraftAction.AdoptAtMeeting, chairSeesAll: true) with { WhenNone = Q("Kinds.Guide.NoDraft") },
        new(Q("Kinds.Step.Session"), Q("Kinds.Guide.Session"))
        {
            Choices = async (scope, ct) => [.. (await AdoptHandler.MeetingsAsync(scope.Update.Db, scope.Update.NowUtc, ct))
                .Select(s => new GuideChoice($"{s.Label} {Shortened.To(s.Title, 32)}", s.Label))],
            ChoicesPerRow = 1,
            TakesText = false,
            WhenNone = Q("Kinds.Guide.NoMeeting"),
        },
    ];
}
