using System.Globalization;

namespace Tongban.Platform.Web;

public enum DateInputProblem
{
    None,
    Empty,
    NotNumbers,
    Impossible,
}

/// <summary>A date typed as day, month and year in three boxes (the GOV.UK pattern): easier than any date picker for everyone.</summary>
public static class DateInput
{
    public static (DateOnly? Date, DateInputProblem Problem) Read(string? day, string? month, string? year)
    {
        string[] parts = [day?.Trim() ?? "", month?.Trim() ?? "", year?.Trim() ?? ""];
        if (parts.All(p => p.Length == 0))
        {
            return (null, DateInputProblem.Empty);
        }

        if (parts.Any(p => p.Length == 0 || p.Length > 4 || !p.All(char.IsAsciiDigit)))
        {
            return (null, DateInputProblem.NotNumbers);
        }

        var (d, m, y) = (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture));
        return y < 1000 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)
            ? (null, DateInputProblem.Impossible)
            : (new DateOnly(y, m, d), DateInputProblem.None);
    }
}
