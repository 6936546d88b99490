using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Delegations;

/// <summary><c>/timezone [IANA zone]</c>: times are then shown to this user in that zone; without a zone, the current one.</summary>
internal sealed class TimezoneHandler : Command<string?>
{
    private const string Examples = "America/New_York, Europe/Tallinn, Asia/Shanghai, America/Argentina/Buenos_Aires, Africa/Johannesburg, UTC";

    public override CommandInfo Info { get; } = new("timezone", "/timezone <IANA zone>", "Show times in your zone, e.g. /timezone Europe/Tallinn")
    {
        Rule = Rules.Anyone,
        Example = "/timezone Europe/Tallinn",
    };

    protected override string? Parse(ArgReader args) => args.OptionalText();

    protected override async Task ExecuteAsync(CommandContext context, string? requested, CancellationToken cancellationToken)
    {
        if (requested is null)
        {
            context.Reply($"Your time zone is {Html.Escape(context.Actor.TimeZone)}. To change it, send /timezone followed by an IANA zone name, for example: {Examples}.");
            return;
        }

        if (TimeDisplay.FindZone(requested) is not { } zone)
        {
            context.Reply($"I don't know the time zone \"{Html.Escape(requested)}\". Use an IANA name such as {Examples}.");
            return;
        }

        var person = await context.Update.Db.People.FindAsync([context.Actor.UserId], cancellationToken);
        person!.TimeZone = zone.Id;
        context.Reply($"Done: I will show you times in {Html.Escape(zone.Id)}. It is now {TimeDisplay.InZone(context.Update.NowUtc, zone.Id)}.");
    }
}
