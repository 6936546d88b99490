using CoordBot.Council;
using CoordBot.Features.Sessions;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Agenda;

/// <summary><c>/penholder A&lt;n&gt; &lt;CODE&gt;[,&lt;CODE&gt;...]</c>: penholder first, then co-penholders.</summary>
internal sealed class PenholderHandler(CouncilProvider council) : Command<PenholderHandler.Arguments>
{
    public override CommandInfo Info { get; } = new("penholder", "/penholder A<n> <CODE>[,<CODE>...]", "Name the penholder and co-penholders of an item (chair)")
    {
        Rule = Rules.Chair,
        Where = ChatScope.CouncilChat,
        Example = "/penholder A7 FRA,DEU (delegation codes, as /delegations lists them)", ExampleKey = "Walk8.Example.penholder",
    };

    // "FRA,DEU", "FRA, DEU" and "FRA DEU" all name two; no code at all (say "A1 ,,,") is answered with the usage line.
    protected override Arguments Parse(ArgReader args)
    {
        var item = EntityRef.Read(args, 'A');
        var codes = args.Rest().Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.ToUpperInvariant()).ToList();
        if (codes.Count == 0)
        {
            args.Fail();
        }

        return new(item, codes);
    }

    protected override async Task ExecuteAsync(CommandContext context, Arguments args, CancellationToken cancellationToken)
    {
        if (await AgendaAccess.FindItemAsync(context, Info, args.Item, cancellationToken) is not ({ } item, _))
        {
            return;
        }

        var codes = args.Codes;
        var unknown = codes.Where(c => !council.Council.IsMember(c)).ToList();
        if (unknown.Count > 0)
        {
            var language = context.Update.Language;
            context.Reply(Catalogue.Plural(language, "Agenda.UnknownCodes", unknown.Count, Html.Escape(string.Join(", ", unknown)), Info.UsageReplyIn(language)));
            return;
        }

        if (codes.Distinct().Count() != codes.Count)
        {
            context.Reply(context.Text("Agenda.NamedTwice"));
            return;
        }

        item.Penholders = string.Join(',', codes);
        context.Update.Audit("agenda.penholder", $"{item.Label} {item.Penholders}");
        var names = codes.Select(c => council.Council.NameOf(c, context.Update.Language)).ToList();
        context.Reply(names.Count > 1
            ? context.Text("Agenda.PenholdersWithCo", item.Label, Html.Escape(names[0]), Html.Escape(string.Join(", ", names.Skip(1))))
            : context.Text("Agenda.Penholders", item.Label, Html.Escape(names[0])));
    }

    internal sealed record Arguments(EntityRef Item, IReadOnlyList<string> Codes);
}
