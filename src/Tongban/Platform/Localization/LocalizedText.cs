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
}
