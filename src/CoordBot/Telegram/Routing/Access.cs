using CoordBot.Domain;
using CoordBot.Domain.Membership;

namespace CoordBot.Telegram.Routing;

/// <summary>
/// The words of refusals, and the entity-level check handlers make after a lookup (the door's rule and place
/// are the router's: <see cref="CommandGate"/>). Each refusal is a polite reply that says what is needed, and reveals
/// nothing of the council's business to someone who may not see it.
/// </summary>
public static class Access
{
    /// <summary>Replies with the domain's reason, as a sentence, when <paramref name="verdict"/> refuses.</summary>
    public static bool Allowed(CommandContext context, Verdict verdict)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (verdict.IsRefused)
        {
            context.Reply(RefusalText(context.Update.Language, verdict));
            return false;
        }

        return true;
    }

    /// <summary>The domain's reason for a refusal as a reply (HTML) in <paramref name="language"/>.</summary>
    public static string RefusalText(string language, Verdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return RefusalText(language, verdict.Reason);
    }

    /// <summary>A reason as a reply (HTML) in <paramref name="language"/>; none: "that is not allowed".</summary>
    public static string RefusalText(string language, Reason? reason) =>
        Rendering.Html.Escape(Localization.Reasons.Sentence(language, reason is null ? Localization.Catalogue.Text(language, "Access.NotAllowed") : Localization.Reasons.Text(language, reason)));
}
