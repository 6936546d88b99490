namespace CoordBot.Domain.Membership;

/// <summary>
/// Who acts: a person, always identified by Telegram user id (never by username), as the bot knows them when they send
/// an update: an operator of the bot, a member of a delegation in some role, or neither; their time zone, the delegation
/// holding the presidency now, and which delegation (if any) the chat of the update is linked to. <see cref="Language"/>
/// is the person's language (chosen, else from Telegram's language_code); <see cref="ChatLanguage"/> the language of the
/// linked group the update came from, when its delegation set one. <see cref="ZoneChosen"/> is false while
/// <see cref="TimeZone"/> is only the default UTC, never chosen by the person. The permission rules read only who they
/// are (<see cref="IsOperator"/>, <see cref="DelegationCode"/>, <see cref="Role"/>).
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
    string Language = "en",
    string? ChatLanguage = null,
    bool ZoneChosen = true)
{
    /// <summary>An operator, when only the rules' view matters (no person behind it).</summary>
    public static Actor Operator { get; } = new(0, string.Empty, IsOperator: true);

    public static Actor Stranger { get; } = new(0, string.Empty, IsOperator: false);

    public static Actor Member(string delegationCode, DelegationRole role) => new(0, string.Empty, IsOperator: false, delegationCode, role);

    public bool IsMember => DelegationCode is not null;

    /// <summary>Head or deputy of the presiding delegation, or an operator (who may always act as chair).</summary>
    public bool IsChair => IsOperator || (PresidentCode is not null && Permissions.MayChair(this, PresidentCode).IsAllowed);

    public bool IsHeadOrDeputy => Role is DelegationRole.Head or DelegationRole.Deputy;

    public bool Belongs(string delegationCode) =>
        DelegationCode is not null && string.Equals(DelegationCode, delegationCode, StringComparison.Ordinal);

    public bool Is(params DelegationRole[] roles) => Role is { } role && roles.Contains(role);
}
