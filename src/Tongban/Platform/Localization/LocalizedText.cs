using System.Globalization;

namespace Tongban.Platform.Localization;

/// <summary>A text a person reads, held in both languages the city serves.</summary>
public sealed record LocalizedText(string ZhCn, string En)
{
    public string In(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "en" ? En : ZhCn;

    public string Current => In(CultureInfo.CurrentUICulture);

    /// <summary>The BCP 47 tag of the text <see cref="In"/> returns, for <c>lang</c> attributes.</summary>
    public static string LanguageTag(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "en" ? "en" : "zh-CN";

    /// <summary>
    /// The language of text a person typed, for its <c>lang</c> attribute when shown inside a page in
    /// another language: Chinese if it holds Han characters, English if it holds Latin letters, else "und".
    /// </summary>
    public static string GuessLanguageTag(string text) =>
        text.Any(c => c is >= '\u3400' and <= '\u9fff') ? "zh-CN"
        : text.Any(char.IsAsciiLetter) ? "en"
        : "und";
}
