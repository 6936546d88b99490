using System.Security.Cryptography;

namespace CoordBot.Domain.Membership;

/// <summary>An invitation is good once, for 72 hours: a link forwarded further or found later is useless.</summary>
public static class InvitationRules
{
    public static readonly TimeSpan Validity = TimeSpan.FromHours(72);

    public static DateTime ExpiresAt(DateTime createdAtUtc) => createdAtUtc + Validity;

    public static InvitationCheck CanRedeem(DateTime createdAtUtc, DateTime? usedAtUtc, DateTime nowUtc)
    {
        // Used is checked first: "already used" tells the holder more than "expired" would.
        if (usedAtUtc is not null)
        {
            return new(InvitationStatus.AlreadyUsed, "This invitation has already been used; ask for a new one");
        }

        return nowUtc >= ExpiresAt(createdAtUtc)
            ? new(InvitationStatus.Expired, "This invitation has expired (invitations are valid for 72 hours); ask for a new one")
            : new(InvitationStatus.Valid, "invitation accepted");
    }

    /// <summary>An unguessable token for a /start deep link (base64url, 22 characters, within Telegram's 64).</summary>
    public static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
