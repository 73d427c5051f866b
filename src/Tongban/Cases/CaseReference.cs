using System.Security.Cryptography;

namespace Tongban.Cases;

/// <summary>
/// Case references short enough to read over the phone, type on a keypad and print on a letter: 8 characters of
/// Crockford's base 32 (digits and capitals without I, L, O or U, so nothing is mistaken for a digit) and one check
/// character from the same alphabet (Luhn mod 32), shown as XXXX-XXXX-X. A mistyped character, or two swapped
/// neighbours (but 0 and Z, Luhn's one blind spot), is caught before any lookup.
/// </summary>
/// <remarks>
/// References made before 2026-12 carry Crockford's mod-37 check, whose last character can be * ~ $ = or U. They are
/// on letters already posted, so a typed reference whose last character passes either check is looked up.
/// </remarks>
public static class CaseReference
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const string LegacyCheckAlphabet = Alphabet + "*~$=U";

    public static string New() => New(RandomNumberGenerator.GetInt32);

    /// <summary>A reference from a seeded generator, for a synthetic city that is the same for the same seed.</summary>
    public static string New(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return New(random.Next);
    }

    private static string New(Func<int, int> next)
    {
        Span<char> body = stackalloc char[8];
        for (var i = 0; i < body.Length; i++)
        {
            body[i] = Alphabet[next(Alphabet.Length)];
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
        var chars = Cleaned(typed);
        if (chars.Length != 9 || chars[..8].Any(c => !Alphabet.Contains(c, StringComparison.Ordinal)))
        {
            return null;
        }

        var body = new string(chars[..8]);
        return Check(body) == chars[8] || LegacyCheck(body) == chars[8] ? body + chars[8] : null;
    }

    /// <summary>Whether a typed reference passes today's check (what every new reference carries).</summary>
    public static bool HasValidCheck(string? typed)
    {
        var chars = Cleaned(typed);
        return chars.Length == 9 && chars[..8].All(c => Alphabet.Contains(c, StringComparison.Ordinal)) && Check(new string(chars[..8])) == chars[8];
    }

    private static char[] Cleaned(string? typed) =>
        (typed ?? "").ToUpperInvariant().Where(c => c is not ('-' or ' ')).Select(c => c switch { 'O' => '0', 'I' or 'L' => '1', _ => c }).ToArray();

    /// <summary>Luhn mod N over the alphabet: doubling every second value from the right, digits summed in base 32.</summary>
    private static char Check(string body)
    {
        var sum = 0;
        var doubled = true;
        for (var i = body.Length - 1; i >= 0; i--)
        {
            var value = Alphabet.IndexOf(body[i], StringComparison.Ordinal) * (doubled ? 2 : 1);
            sum += (value / Alphabet.Length) + (value % Alphabet.Length);
            doubled = !doubled;
        }

        return Alphabet[(Alphabet.Length - (sum % Alphabet.Length)) % Alphabet.Length];
    }

    /// <summary>Crockford's check symbol (the value mod 37), as references carried until 2026-12. 40 bits fit a long.</summary>
    private static char LegacyCheck(string body)
    {
        long value = 0;
        foreach (var c in body)
        {
            value = (value * 32) + Alphabet.IndexOf(c, StringComparison.Ordinal);
        }

        return LegacyCheckAlphabet[(int)(value % 37)];
    }
}
