using System.Security.Cryptography;
using System.Text;

namespace Tongban.Entitlements;

/// <summary>
/// An offer's reference (printed and said aloud) and the code she replies with by SMS. Both are drawn from the
/// system's random generator over an alphabet without look-alikes (no 0/O, 1/I/L): the reply code's 8 characters
/// are 31⁸ ≈ 8.5 × 10¹¹, and a reply counts only from her own confirmed number.
/// </summary>
public static class OfferCodes
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public static readonly TimeSpan ReplyCodeLife = TimeSpan.FromDays(30);

    /// <summary>"YQ" and 8 characters: how a clerk, an agent or a letter names the offer.</summary>
    public static string NewReference() => "YQ" + Random(8);

    public static string NewReplyCode() => Random(Offer.CodeLength);

    /// <summary>What is stored of a reply code; a code typed in lower case or with spaces matches too.</summary>
    public static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(code))));

    public static string Normalize(string? typed) => new string((typed ?? "").Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();

    private static string Random(int length) => RandomNumberGenerator.GetString(Alphabet, length);
}
