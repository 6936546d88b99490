using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Delegations;

/// <summary><c>/timezone &lt;IANA zone&gt;</c>: times are then shown to this user in that zone.</summary>
internal sealed class TimezoneHandler : ICommandHandler
{
    private const string Examples = "America/New_York, Europe/Tallinn, Asia/Shanghai, America/Argentina/Buenos_Aires, Africa/Johannesburg, UTC";

    public CommandInfo Info { get; } = new("timezone", "/timezone <IANA zone>", "Show times in your zone, e.g. /timezone Europe/Tallinn");

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (context.Command.Words is not [var requested])
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
