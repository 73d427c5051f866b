using System.Globalization;

namespace Tongban.Residents.Profile;

/// <summary>
/// A person's name as written on her ID card: letters of any script, spaces, the middle dot of
/// transcribed names (阿卜杜勒·艾力) and the hyphens and apostrophes of foreign ones. Nothing else, so no
/// markup and no emoji ever reach a letter or a clerk's screen.
/// </summary>
public static class PersonName
{
    public static string Normalize(string? typed) => string.Join(' ', (typed ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public static bool IsWellFormed(string name) =>
        name.Length > 0 && name.All(c => char.IsLetter(c) || c is ' ' or '·' or '•' or '-' or '\'' or '.'
            || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark);
}
