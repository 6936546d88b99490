using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;
using Microsoft.EntityFrameworkCore;

namespace CoordBot.Features.Sessions;

/// <summary>
/// <c>/meeting_link S&lt;n&gt; &lt;https URL&gt;</c>: the chair sets the session's videoconference link, shown from then on in
/// its reminders, <c>/session</c>, the calendar file and the "starting now" notice; every delegation is told it once.
/// </summary>
internal sealed class MeetingLinkHandler(SessionNotifier notifier) : Command<MeetingLinkHandler.Arguments>
{
    public override CommandInfo Info { get; } = new("meeting_link", "/meeting_link S<n> <https URL>", "Set a session's videoconference link (chair)")
    {
        Rule = Rules.Chair,
        Where = ChatScope.CouncilChat,
        Example = "/meeting_link S3 https://meet.example.org/council-s3",
    };

    protected override Arguments Parse(ArgReader args) => new(EntityRef.Read(args, 'S'), args.Rest());

    protected override async Task ExecuteAsync(CommandContext context, Arguments args, CancellationToken cancellationToken)
    {
        if (await SessionAccess.FindForAsync(context, Info, args.Session, cancellationToken) is not { } found)
        {
            return;
        }

        if (MeetingLinks.Parse(args.Url) is not { } url)
        {
            context.Reply(context.Text("MeetingLink.NotHttps", Html.Escape(Info.Example!)));
            return;
        }

        var now = context.Update.NowUtc;
        if (!SessionAccess.IsOpen(found, now))
        {
            context.Reply(context.Text(found.CancelledAt is not null ? "MeetingLink.Cancelled" : "MeetingLink.Over", found.Label));
            return;
        }

        var db = context.Update.Db;
        var session = await db.Sessions.SingleAsync(s => s.Id == found.Id, cancellationToken);
        session.MeetingUrl = url;
        context.Update.Audit("session.link", session.Label);
        context.Reply(context.Text("MeetingLink.Done", session.Label, Html.Escape(url)));
        await notifier.SendAsync(db, context.Update.Outbox, session, await notifier.ExpectedCodesAsync(db, session.Id, cancellationToken), (zone, language) =>
                Catalogue.Format(language, "MeetingLink.Notice", SessionRendering.Headline(session, language), Html.Escape(url)) + "\n" +
                Catalogue.Format(language, "Sessions.Starts", SessionRendering.When(session, zone, language)),
            null, cancellationToken, answered: context.Update.ChatId);
    }

    internal sealed record Arguments(EntityRef Session, string Url);
}

/// <summary>What counts as a meeting link: an absolute https URL with a host, no spaces, short enough to store.</summary>
public static class MeetingLinks
{
    public const int MaxLength = 512;

    /// <summary>The link as it will be shown, or null when <paramref name="text"/> is not one.</summary>
    public static string? Parse(string? text)
    {
        var trimmed = text?.Trim();
        return trimmed is { Length: > 0 and <= MaxLength }
            && !trimmed.Any(char.IsWhiteSpace)
            && Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            && uri.Scheme == Uri.UriSchemeHttps
            && uri.Host.Length > 0
            && string.IsNullOrEmpty(uri.UserInfo)
                ? uri.AbsoluteUri
                : null;
    }

    /// <summary>"Meeting link: https://..." for a session that has one; empty otherwise.</summary>
    public static string Line(Session session, string language)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.MeetingUrl is { } url ? "\n" + Catalogue.Format(language, "MeetingLink.Line", Html.Escape(url)) : string.Empty;
    }
}
