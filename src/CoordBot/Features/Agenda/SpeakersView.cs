using System.Text;
using CoordBot.Council;
using CoordBot.Domain.Agenda;
using CoordBot.Domain.Membership;
using CoordBot.Features.Sessions;
using CoordBot.Localization;
using CoordBot.Telegram.Delivery;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Agenda;

/// <summary>
/// An agenda item's list of speakers as a live message: /speakers shows it with the actions the reader may take now
/// (Speak, Withdraw, Next speaker), and every change to the list (/speak, /withdraw_speaker, /next, by typing or by
/// button) edits the lists shown instead of adding a message.
/// </summary>
internal sealed class SpeakersView(CouncilProvider council)
{
    public static string Topic(long itemId) => "speakers:" + AgendaIds.Label(itemId);

    /// <summary>The reply to /speakers: a new message, now the chat's live list of this item.</summary>
    public async Task ShowAsync(UpdateContext update, AgendaItem item, Session session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        var list = await ListAsync(update, item, cancellationToken);
        await LiveMessages.ShowAsync(
            update.Db, update.Outbox, update.ChatId, Topic(item.Id), Render(item, list, update.Language), Actions(update, item, session, list),
            update.NowUtc, asNew: true, update.Language, update.Actor.TimeZone, cancellationToken);
    }

    /// <summary>After a change of the list: every list of this item shown in a chat is edited to the list as it is now.</summary>
    public async Task RefreshAsync(UpdateContext update, AgendaItem item, Session session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        await update.Db.SaveChangesAsync(cancellationToken); // the change just made is what the lists show
        var list = await ListAsync(update, item, cancellationToken);
        await LiveMessages.RefreshAsync(update.Db, update.Outbox, Topic(item.Id), (live, previous) =>
        {
            // The buttons are the reader's: recomputed for the one acting here, kept as they were elsewhere (a press is checked anyway).
            var buttons = live.ChatId == update.ChatId ? Actions(update, item, session, list) : previous;
            return Task.FromResult<(string, IReadOnlyList<IReadOnlyList<Button>>?)?>((Render(item, list, live.Language), buttons));
        }, update.NowUtc, cancellationToken);
    }

    private async Task<SpeakersList> ListAsync(UpdateContext update, AgendaItem item, CancellationToken cancellationToken) =>
        AgendaAccess.ListOf(await AgendaAccess.SpeakerRowsAsync(update.Db, item.Id, cancellationToken), council.Council.NameOf);

    private string Render(AgendaItem item, SpeakersList list, string language)
    {
        if (list.Speakers.Count == 0)
        {
            return Catalogue.Format(language, "Agenda.NoSpeakers", item.Label, Html.Escape(item.Title));
        }

        var text = new StringBuilder(Catalogue.Format(language, "Agenda.SpeakersTitle", item.Label, Html.Escape(item.Title)));
        var n = 1;
        foreach (var speaker in list.Speakers)
        {
            var state = speaker.State switch
            {
                SpeakerState.Speaking => Catalogue.Text(language, "Agenda.HasFloor"),
                SpeakerState.Spoken => Catalogue.Text(language, "Agenda.HasSpoken"),
                _ => string.Empty,
            };
            text.Append('\n').Append(Bidi.Lines(language, $"{Bidi.Isolate(language, $"{n++}.")} {Html.Escape(council.Council.NameOf(speaker.DelegationCode, language))}{state}"));
        }

        return text.ToString();
    }

    /// <summary>
    /// What the reader may do with the list now: each button's command by its declaration (the router's gate), and
    /// the list's own answer to the change (the domain's <see cref="SpeakersList"/>), as the command will decide.
    /// </summary>
    private static IReadOnlyList<IReadOnlyList<Button>> Actions(UpdateContext update, AgendaItem item, Session session, SpeakersList list)
    {
        var language = update.Language;
        var actor = update.Actor;
        var row = new List<Button>();
        if (SpeakerListChange.Accepts(session, item) && Permissions.MaySpeakForDelegation(actor).IsAllowed && actor.DelegationCode is { } code)
        {
            if (Offers(SpeakHandler.Declaration, update) && list.Inscribe(code).IsAccepted)
            {
                row.Add(CommandButton.For(Catalogue.Text(language, "Agenda.Button.Speak"), $"speak {item.Label}"));
            }

            if (Offers(WithdrawSpeakerHandler.Declaration, update) && list.Withdraw(code).IsAccepted)
            {
                row.Add(CommandButton.For(Catalogue.Text(language, "Agenda.Button.Withdraw"), $"withdraw_speaker {item.Label}"));
            }
        }

        if (SessionAccess.MayManage(session, actor) && Offers(NextSpeakerHandler.Declaration, update) && list.CallNext().IsAccepted)
        {
            row.Add(CommandButton.For(Catalogue.Text(language, "Agenda.Button.Next"), $"next {item.Label}"));
        }

        return row.Count == 0 ? [] : [row];
    }

    private static bool Offers(CommandInfo info, UpdateContext update) => CommandGate.Refusal(info, update) is null;
}
