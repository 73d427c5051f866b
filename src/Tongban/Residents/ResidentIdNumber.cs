using System.Globalization;

namespace Tongban.Residents;

public enum ResidentIdProblem
{
    None,
    Empty,
    WrongLength,
    WrongCharacters,
    UnknownRegion,
    ImpossibleBirthDate,
    WrongCheckDigit,
}

/// <summary>
/// The 18-character resident identity number (GB 11643-1999): 6-digit region code, 8-digit birth date,
/// 3-digit sequence, and an ISO 7064 MOD 11-2 check character (0-9 or X).
/// </summary>
public static class ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    // Province-level codes (the first two digits of GB/T 2260). The full county list is not shipped yet,
    // so a number is checked to province level only.
    private static readonly HashSet<int> Provinces =
    [
        11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
        50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
    ];

    /// <summary>Upper-case, without spaces: how a typed number is stored.</summary>
    public static string Normalize(string? typed) =>
        new string((typed ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();

    public static ResidentIdProblem Check(string? typed, DateOnly today)
    {
        var id = Normalize(typed);
        if (id.Length == 0)
        {
            return ResidentIdProblem.Empty;
        }

        if (id.Length != 18)
        {
            return ResidentIdProblem.WrongLength;
        }

        if (!id[..17].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(id[17]) || id[17] == 'X'))
        {
            return ResidentIdProblem.WrongCharacters;
        }

        if (!Provinces.Contains(int.Parse(id[..2], CultureInfo.InvariantCulture)))
        {
            return ResidentIdProblem.UnknownRegion;
        }

        if (BirthDate(id) is not { } born || born > today || born.Year < 1880)
        {
            return ResidentIdProblem.ImpossibleBirthDate;
        }

        return CheckDigit(id[..17]) == id[17] ? ResidentIdProblem.None : ResidentIdProblem.WrongCheckDigit;
    }

    /// <summary>The check character of the first 17 digits (ISO 7064 MOD 11-2).</summary>
    public static char CheckDigit(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    /// <summary>The birth date written in a well-formed number, or null.</summary>
    public static DateOnly? BirthDate(string id) =>
        id.Length == 18 && DateOnly.TryParseExact(id.Substring(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
}
