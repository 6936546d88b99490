using System.Security.Cryptography;
using System.Text;

namespace CoordBot.Domain.Drafts;

/// <summary>Fingerprint of a draft text: the same words give the same hash however their accents were encoded.</summary>
public static class ContentHash
{
    /// <summary>SHA-256 (lower-case hex) of the UTF-8 bytes of the NFC-normalised text.</summary>
    public static string Of(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Nfc.Normalize(text))));

    /// <summary>The first 8 hex digits, enough for people to tell versions apart in a chat.</summary>
    public static string ShortHash(string text) => Of(text)[..8];
}
