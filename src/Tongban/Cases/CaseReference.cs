using System.Security.Cryptography;

namespace Tongban.Cases;

/// <summary>
/// Case references short enough to read over the phone: 8 characters of Crockford's base 32 (no I, L, O
/// or U, so nothing is mistaken for a digit) and one check character (mod 37), shown as XXXX-XXXX-X.
/// A mistyped character, or two swapped ones, is caught before any lookup.
/// </summary>
public static class CaseReference
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const string CheckAlphabet = Alphabet + "*~$=U";

    public static string New()
    {
        Span<char> body = stackalloc char[8];
        for (var i = 0; i < body.Length; i++)
        {
            body[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        var text = new string(body);
        return text + Check(text);
    }

    /// <summary>XXXX-XXXX-X, for people.</summary>
    public static string Display(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return reference.Length == 9 ? $"{reference[..4]}-{reference[4..8]}-{reference[8]}" : reference;
    }

    /// <summary>The stored form of a typed reference (any case, dashes, spaces, O for 0, I or L for 1), or null when it cannot be one.</summary>
    public static string? Normalize(string? typed)
    {
        var chars = (typed ?? "").ToUpperInvariant().Where(c => c is not ('-' or ' ')).Select(c => c switch { 'O' => '0', 'I' or 'L' => '1', _ => c }).ToArray();
        if (chars.Length != 9 || chars[..8].Any(c => !Alphabet.Contains(c, StringComparison.Ordinal)))
        {
            return null;
        }

        var body = new string(chars[..8]);
        return Check(body) == chars[8] ? body + chars[8] : null;
    }

    private static char Check(string body)
    {
        // Crockford's check symbol: the value mod 37. 40 bits fit a long.
        long value = 0;
        foreach (var c in body)
        {
            value = (value * 32) + Alphabet.IndexOf(c, StringComparison.Ordinal);
        }

        return CheckAlphabet[(int)(value % 37)];
    }
}
