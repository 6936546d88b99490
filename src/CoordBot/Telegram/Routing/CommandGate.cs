using CoordBot.Domain;
using CoordBot.Localization;
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
            return Access.RefusalText(update.Language, verdict);
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

        // A toast is shown to the presser alone: in their own language.
        var actor = update.Actor;
        if (actor.ChatDelegationCode is null)
        {
            return Catalogue.Text(actor.Language, "Gate.UnlinkedGroupButton");
        }

        return actor.IsMember && !actor.IsOperator && !string.Equals(actor.ChatDelegationCode, actor.DelegationCode, StringComparison.Ordinal)
            ? Catalogue.Text(actor.Language, "Gate.OtherGroupButton")
            : null;
    }

    private static string? PlaceRefusal(CommandInfo info, UpdateContext update) => info.Where switch
    {
        ChatScope.Private when !update.IsPrivate => Catalogue.Format(update.Language, "Gate.PrivateOnly", Html.Escape(info.Name)),
        ChatScope.Group when update.IsPrivate || update.ChatType == ChatType.Channel =>
            Catalogue.Format(update.Language, "Gate.GroupOnly", Html.Escape(info.Name)),
        ChatScope.CouncilChat when !update.IsPrivate && update.Actor.ChatDelegationCode is null => Catalogue.Text(update.Language, "Access.UnlinkedGroup"),
        _ => null,
    };

    // An operator belongs to no delegation and administers the council as a whole: any linked group will do.
    private static string? OwnGroupRefusal(UpdateContext update)
    {
        var actor = update.Actor;
        return update.IsPrivate || actor.IsOperator || string.Equals(actor.ChatDelegationCode, actor.DelegationCode, StringComparison.Ordinal)
            ? null
            : Catalogue.Text(update.Language, "Gate.OtherDelegationsGroup");
    }
}
