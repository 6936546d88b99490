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
    public const string NotAMember = Permissions.NotAMember;

    public const string UnlinkedGroup =
        "This group is not linked to a delegation, so I share nothing of the council's business here. Use me in a private chat, or ask your head of delegation to send /linkgroup here.";

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
        if (language == Localization.Languages.English)
        {
            return Rendering.Html.Escape(Sentence(verdict.Reason ?? "that is not allowed"));
        }

        var clause = verdict.Reason is { } reason ? Localization.Reasons.Translate(language, reason) : Localization.Catalogue.Text(language, "Access.NotAllowed");
        return Rendering.Html.Escape(Localization.Reasons.Sentence(language, clause));
    }

    /// <summary>The domain's reasons are clauses ("only an operator can ..."); a reply starts with a capital and ends with a stop.</summary>
    public static string Sentence(string reason) =>
        reason.Length == 0 ? reason : char.ToUpperInvariant(reason[0]) + reason[1..] + (reason.EndsWith('.') ? string.Empty : ".");
}
