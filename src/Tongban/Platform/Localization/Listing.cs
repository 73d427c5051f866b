using System.Globalization;

namespace Tongban.Platform.Localization;

/// <summary>A short list in running text: "a, b, c" in English, "a、b、c" in Chinese.</summary>
public static class Listing
{
    public static string Join(IEnumerable<string> items, CultureInfo? culture = null) =>
        string.Join((culture ?? CultureInfo.CurrentUICulture).TwoLetterISOLanguageName == "zh" ? "、" : ", ", items);
}
