using System.Collections.Concurrent;

namespace Tongban.Platform.Calendar;

/// <summary>
/// Working days as the State Council arranges them: weekends off, public holidays off, make-up
/// weekend days on. A year without data falls back to plain weekends and says so in the log,
/// because a deadline computed that way may be a few days early.
/// </summary>
public sealed class WorkingDayCalendar(IEnumerable<HolidayYear> years, ILogger<WorkingDayCalendar> logger)
{
    private readonly Dictionary<int, HolidayYear> _years = years.ToDictionary(y => y.Year);
    private readonly ConcurrentDictionary<int, bool> _warnedYears = new();

    public bool HasDataFor(int year) => _years.ContainsKey(year);

    /// <summary>
    /// The years whose holidays the catalogue still lacks and that matter already: this year, and from 1 November
    /// (the State Council publishes the next year's arrangement in the autumn; time limits then reach into it) the next.
    /// </summary>
    public IReadOnlyList<int> MissingYears(DateOnly today) =>
        new[] { today.Year, today.Month >= 11 ? today.Year + 1 : today.Year }.Distinct().Where(y => !HasDataFor(y)).ToList();

    public bool IsWorkingDay(DateOnly day)
    {
        if (!_years.TryGetValue(day.Year, out var year))
        {
            if (_warnedYears.TryAdd(day.Year, true))
            {
                logger.LogWarning("No holiday data for {Year}: counting weekends only. Add catalogue/holidays/{Year}.json.", day.Year, day.Year);
            }

            return !IsWeekend(day);
        }

        if (year.ExtraWorkingDays.Contains(day))
        {
            return true;
        }

        return !IsWeekend(day) && !year.Holidays.Any(h => h.Contains(day));
    }

    /// <summary>A day of a public holiday (weekend days inside it included); false for a year without data.</summary>
    public bool IsPublicHoliday(DateOnly day) => _years.TryGetValue(day.Year, out var year) && year.Holidays.Any(h => h.Contains(day));

    /// <summary>A weekend day worked to make up for a holiday (调休).</summary>
    public bool IsMakeUpWorkingDay(DateOnly day) => _years.TryGetValue(day.Year, out var year) && year.ExtraWorkingDays.Contains(day);

    /// <summary>
    /// The day on which <paramref name="workingDays"/> working days have passed after <paramref name="start"/>
    /// (the start day itself is not counted, as a time limit starts the day after acceptance).
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var day = start;
        for (var counted = 0; counted < workingDays;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>; negative when <paramref name="to"/> is earlier.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -WorkingDaysBetween(to, from);
        }

        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }

    private static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
