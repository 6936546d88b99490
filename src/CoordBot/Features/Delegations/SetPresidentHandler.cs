using System.Globalization;
using CoordBot.Council;
using CoordBot.Telegram.Rendering;
using CoordBot.Telegram.Routing;

namespace CoordBot.Features.Delegations;

/// <summary><c>/setpresident &lt;CODE&gt; &lt;yyyy-mm&gt;</c>: an operator's override of the rotation for one month.</summary>
internal sealed class SetPresidentHandler(CouncilProvider council) : ICommandHandler
{
    public CommandInfo Info { get; } = new("setpresident", "/setpresident <CODE> <yyyy-mm>", "Override the presidency for one month", a => a.IsOperator);

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!Access.Operator(context))
        {
            return;
        }

        if (context.Command.Words is not [var codeText, var monthText]
            || !DateTime.TryParseExact(monthText, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var month))
        {
            context.Reply("Usage: /setpresident &lt;CODE&gt; &lt;yyyy-mm&gt;, for example /setpresident EST 2026-12");
            return;
        }

        var code = codeText.ToUpperInvariant();
        if (!council.Council.IsMember(code))
        {
            context.Reply($"{Html.Escape(codeText)} is not a member of the council. Send /delegations to see the codes.");
            return;
        }

        var db = context.Update.Db;
        var existing = await db.PresidencyOverrides.FindAsync([month.Year, month.Month], cancellationToken);
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
        context.Reply($"{Html.Escape(council.Council.NameOf(code))} will preside in {label}. The rotation of other months is unchanged.");
    }
}
