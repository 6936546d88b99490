using Microsoft.EntityFrameworkCore;
using System.Globalization;
using CoordBot.Council;
using CoordBot.Localization;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Delegations;

/// <summary><c>/setpresident &lt;CODE&gt; &lt;yyyy-mm&gt;</c>: an operator's override of the rotation for one month.</summary>
internal sealed class SetPresidentHandler(CouncilProvider council, DelegationsText text, PresidencyService presidency, Menus.PersonalMenus menus) : Command<SetPresidentHandler.Arguments>
{
    public override CommandInfo Info { get; } = new("setpresident", "/setpresident <CODE> <yyyy-mm>", "Override the presidency for one month")
    {
        Rule = Rules.Operator,
        Example = "/setpresident EST 2026-12",
    };

    protected override Arguments Parse(ArgReader args) => new(args.Code(), args.Value(Month));

    protected override async Task ExecuteAsync(CommandContext context, Arguments args, CancellationToken cancellationToken)
    {
        var (code, month) = args;
        if (!council.Council.IsMember(code))
        {
            context.Reply(text.NotACouncilMember(code, context.Update.Language));
            return;
        }

        var db = context.Update.Db;
        var now = context.Update.NowUtc;
        if (month.Year == now.Year && month.Month == now.Month)
        {
            // The chair's commands leave the outgoing presidency's menus and join the incoming one's, once committed.
            menus.RefreshDelegation(await presidency.PresidentCodeAsync(db, now, cancellationToken));
            menus.RefreshDelegation(code);
        }

        var existing = await db.PresidencyOverrides.FirstOrDefaultAsync(o => o.Year == month.Year && o.Month == month.Month, cancellationToken);
        if (existing is null)
        {
            db.PresidencyOverrides.Add(new PresidencyOverride { Year = month.Year, Month = month.Month, DelegationCode = code, SetBy = context.Actor.UserId, SetAt = context.Update.NowUtc });
        }
        else
        {
            existing.DelegationCode = code;
            existing.SetBy = context.Actor.UserId;
            existing.SetAt = context.Update.NowUtc;
        }

        var label = month.ToString("MMMM yyyy", CultureInfo.InvariantCulture);
        context.Update.Audit("presidency.override", $"{label}: {code} by {context.Actor.UserId}");
        var language = context.Update.Language;
        context.Reply(context.Text("SetPresident.Done", Html.Escape(council.Council.NameOf(code, language)), Dates.MonthYear(language, month)));
    }

    private static DateTime? Month(string word) =>
        DateTime.TryParseExact(word, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var month) ? month : null;

    internal sealed record Arguments(string Code, DateTime Month);
}
