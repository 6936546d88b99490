using CoordBot.Domain.Membership;

namespace CoordBot.Telegram.Routing;

/// <summary>
/// Who sent an update, as the bot knows them: always identified by Telegram user id, never by
/// username. Carries the active membership, the user's time zone, the delegation holding the
/// presidency now, and which delegation (if any) the chat of the update is linked to. <see cref="Language"/> is
/// the person's language (chosen, else from Telegram's language_code); <see cref="ChatLanguage"/> the language
/// of the linked group the update came from, when its delegation set one. <see cref="ZoneChosen"/> is false while
/// <see cref="TimeZone"/> is only the default UTC, never chosen by the person.
/// </summary>
public sealed record Actor(
    long UserId,
    string DisplayName,
    bool IsOperator,
    string? DelegationCode = null,
    DelegationRole? Role = null,
    string TimeZone = "UTC",
    string? PresidentCode = null,
    string? ChatDelegationCode = null,
    string Language = Localization.Languages.English,
    string? ChatLanguage = null,
    bool ZoneChosen = true)
{
    /// <summary>The same person as the pure domain's permission rules see them.</summary>
    public Domain.Membership.Actor Rights => new(IsOperator, DelegationCode, Role);

    public bool IsMember => DelegationCode is not null;

    /// <summary>Head or deputy of the presiding delegation, or an operator (who may always act as chair).</summary>
    public bool IsChair => IsOperator || (PresidentCode is not null && Permissions.MayChair(Rights, PresidentCode).IsAllowed);

    public bool IsHeadOrDeputy => Role is DelegationRole.Head or DelegationRole.Deputy;
}
