using CoordBot.Domain;
using CoordBot.Telegram.Rendering;
using Telegram.Bot.Types.Enums;

namespace CoordBot.Telegram.Routing;

/// <summary>
/// The checks every declared command passes before its handler runs, in an order that protects
/// non-members: the place first (an unlinked group hears nothing of the council), then the rule (a
/// non-member learns only that this is for members), then, for council business, the sender's own group
/// (a member in another delegation's group is turned away, and nothing about their delegation is posted
/// there). Nothing is looked up before a refusal: a rule sees only the sender.
/// </summary>
public static class CommandGate
{
    public const string OtherDelegationsGroup =
        "This group belongs to another delegation, so I share nothing of your delegation's business here. Use me in a private chat, or in your own delegation's linked group.";

    /// <summary>The polite refusal (HTML) for this sender in this chat, or null when the command may run.</summary>
    public static string? Refusal(CommandInfo info, UpdateContext update)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(update);
        if (PlaceRefusal(info, update) is { } place)
        {
            return place;
        }

        var verdict = info.Rule(update.Actor);
        if (verdict.IsRefused)
        {
            return Html.Escape(Access.Sentence(verdict.Reason ?? "that is not allowed"));
        }

        return info.Where == ChatScope.CouncilChat ? OwnGroupRefusal(update) : null;
    }

    /// <summary>
    /// Whether /help offers the command to this sender in this chat: its rule allows them, and council business
    /// is not listed where it would be refused (an unlinked group, another delegation's group). Commands for a
    /// private chat or a group are listed in either, so that people learn where to use them.
    /// </summary>
    public static bool Offers(CommandInfo info, UpdateContext update)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(update);
        if (!info.IsOfferedTo(update.Actor))
        {
            return false;
        }

        return info.Where != ChatScope.CouncilChat || (PlaceRefusal(info, update) is null && OwnGroupRefusal(update) is null);
    }

    /// <summary>
    /// A button pressed in a group no delegation linked, or by a member in another delegation's group, is
    /// refused before its handler runs (nothing is recorded, nothing posted there). Whether the presser may act
    /// at all stays the button handler's question, so that a forged press by a stranger is still logged.
    /// </summary>
    public static string? ButtonPlaceRefusal(UpdateContext update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update.IsPrivate)
        {
            return null;
        }

        var actor = update.Actor;
        if (actor.ChatDelegationCode is null)
        {
            return "This group is not linked to a delegation. Nothing was recorded.";
        }

        return actor.IsMember && !actor.IsOperator && !string.Equals(actor.ChatDelegationCode, actor.DelegationCode, StringComparison.Ordinal)
            ? "This button belongs to another delegation's group. Nothing was recorded."
            : null;
    }

    private static string? PlaceRefusal(CommandInfo info, UpdateContext update) => info.Where switch
    {
        ChatScope.Private when !update.IsPrivate => $"Send /{Html.Escape(info.Name)} to me in a private chat.",
        ChatScope.Group when update.IsPrivate || update.ChatType == ChatType.Channel =>
            $"Send /{Html.Escape(info.Name)} in your delegation's Telegram group (add me to the group first).",
        ChatScope.CouncilChat when !update.IsPrivate && update.Actor.ChatDelegationCode is null => Access.UnlinkedGroup,
        _ => null,
    };

    // An operator belongs to no delegation and administers the council as a whole: any linked group will do.
    private static string? OwnGroupRefusal(UpdateContext update)
    {
        var actor = update.Actor;
        return update.IsPrivate || actor.IsOperator || string.Equals(actor.ChatDelegationCode, actor.DelegationCode, StringComparison.Ordinal)
            ? null
            : OtherDelegationsGroup;
    }
}
