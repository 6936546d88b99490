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
    /// Whom a message to a whole delegation (its group, or each of its members) is judged for when it offers commands:
    /// the delegation through its head, the widest role in it. A press is asked again by the gate, for the presser as
    /// they are then, so an adviser who presses what only the head may do is told why.
    /// </summary>
    public static Actor DelegationReader(string delegationCode)
    {
        ArgumentException.ThrowIfNullOrEmpty(delegationCode);
        return new(0, delegationCode, IsOperator: false, delegationCode, Domain.Membership.DelegationRole.Head);
    }

    /// <summary>Whether the place admits the command here but its rule refuses this sender (an attempt a command may keep as evidence).</summary>
    public static bool RefusedByRule(CommandInfo info, UpdateContext update)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(update);
        return PlaceRefusal(info, update) is null && info.Rule(update.Actor).IsRefused;
    }

    /// <summary>
    /// Tells a press its button's declared rule refused (<see cref="ButtonInfo.Rule"/>, asked by the router after
    /// <see cref="ButtonPlaceRefusal"/>), as the button declares: in the words of the domain's reason.
    /// </summary>
    public static void TellButtonRefusal(ButtonInfo info, CallbackContext callback, Verdict verdict)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(callback);
        ArgumentNullException.ThrowIfNull(verdict);
        // The toast is the presser's alone (their language, plain text); a reply is the chat's.
        var update = callback.Update;
        var toast = Localization.Reasons.Sentence(callback.Actor.Language, verdict.Reason is { } reason
            ? Localization.Reasons.Text(callback.Actor.Language, reason)
            : Catalogue.Text(callback.Actor.Language, "Access.NotAllowed"));
        switch (info.RefusedAs)
        {
            case ButtonRefusal.Toast:
                callback.Answer(toast);
                break;
            case ButtonRefusal.ToastAndReply:
                callback.Answer(toast);
                update.Reply(Access.RefusalText(update.Language, verdict));
                break;
            default:
                callback.Answer(info.ToastKey is { } key ? Catalogue.Text(callback.Actor.Language, key) : null);
                update.Reply(Access.RefusalText(update.Language, verdict));
                break;
        }
    }

    /// <summary>
    /// A button pressed in a group no delegation linked, or by a member in another delegation's group, is
    /// refused before its handler runs (nothing is recorded, nothing posted there). Then the button's own rule
    /// (<see cref="TellButtonRefusal"/>) is asked, as a command's is.
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
