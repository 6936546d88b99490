using System.Text;
using CoordBot.Council;
using CoordBot.Domain.Agenda;
using CoordBot.Features.Sessions;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Agenda;

/// <summary><c>/speakers A&lt;n&gt;</c>: the list of speakers in order, with who has spoken.</summary>
internal sealed class SpeakersHandler(CouncilProvider council) : AgendaItemCommand
{
    public override CommandInfo Info { get; } = new("speakers", "/speakers A<n>", "The list of speakers on an agenda item")
    {
        Rule = Rules.Member,
        Where = ChatScope.CouncilChat,
        Example = "/speakers A7",
    };

    protected override async Task ExecuteAsync(CommandContext context, AgendaItem item, Session session, CancellationToken cancellationToken)
    {
        var rows = await AgendaAccess.SpeakerRowsAsync(context.Update.Db, item.Id, cancellationToken);
        if (rows.Count == 0)
        {
            context.Reply(context.Text("Agenda.NoSpeakers", item.Label, Html.Escape(item.Title)));
            return;
        }

        var language = context.Update.Language;
        var text = new StringBuilder(context.Text("Agenda.SpeakersTitle", item.Label, Html.Escape(item.Title)));
        var n = 1;
        foreach (var row in rows)
        {
            var state = row.State switch
            {
                SpeakerState.Speaking => Catalogue.Text(language, "Agenda.HasFloor"),
                SpeakerState.Spoken => Catalogue.Text(language, "Agenda.HasSpoken"),
                _ => string.Empty,
            };
            text.Append('\n').Append(Bidi.Lines(language, $"{Bidi.Isolate(language, $"{n++}.")} {Html.Escape(council.Council.NameOf(row.DelegationCode, language))}{state}"));
        }

        context.Reply(text.ToString());
    }
}
