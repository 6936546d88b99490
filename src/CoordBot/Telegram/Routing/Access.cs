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
        if (verdict.IsRefused)
        {
            context.Reply(Rendering.Html.Escape(Sentence(verdict.Reason ?? "that is not allowed")));
            return false;
        }

        return true;
    }

    /// <summary>The domain's reasons are clauses ("only an operator can ..."); a reply starts with a capital and ends with a stop.</summary>
    public static string Sentence(string reason) =>
        reason.Length == 0 ? reason : char.ToUpperInvariant(reason[0]) + reason[1..] + (reason.EndsWith('.') ? string.Empty : ".");
}
