using System.Globalization;

namespace Tongban.Applications;

/// <summary>The order of a date's day, month and year fields: as people of the page's language write a date.</summary>
public static class DateParts
{
    private static readonly string[] YearFirst = ["year", "month", "day"];
    private static readonly string[] DayFirst = ["day", "month", "year"];

    /// <summary>Year first in Chinese (and wherever the culture's short date starts with the year), day first otherwise.</summary>
    public static IReadOnlyList<string> InOrder(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return culture.DateTimeFormat.ShortDatePattern.TrimStart().StartsWith('y') ? YearFirst : DayFirst;
    }
}
