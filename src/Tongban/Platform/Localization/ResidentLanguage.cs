using System.Globalization;

namespace Tongban.Platform.Localization;

/// <summary>Writes in the language a resident chose, whatever the language of the request or job doing it.</summary>
public static class ResidentLanguage
{
    public static CultureInfo CultureOf(string? language) => CultureInfo.GetCultureInfo(language == "en" ? "en" : "zh-CN");

    /// <summary>Runs <paramref name="write"/> with her language as the UI culture, then puts the previous one back.</summary>
    public static T Write<T>(string? language, Func<CultureInfo, T> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var previous = CultureInfo.CurrentUICulture;
        var culture = CultureOf(language);
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return write(culture);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>As <see cref="Write{T}"/> for work that awaits: the culture flows with it and is put back after.</summary>
    public static async Task<T> WriteAsync<T>(string? language, Func<Task<T>> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureOf(language);
        try
        {
            return await write();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
