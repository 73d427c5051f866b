namespace Tongban.Platform.Calendar;

/// <summary>
/// The city's clock: China Standard Time, UTC+8 all year (no daylight saving). Days, deadlines and ages
/// are counted in it; the database keeps UTC.
/// </summary>
public static class CityTime
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The date in the city now.</summary>
    public static DateOnly Today(this TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(Local(clock.GetUtcNow().UtcDateTime));
    }

    /// <summary>A UTC time as the city's wall clock shows it.</summary>
    public static DateTime Local(DateTime utc) => utc + Offset;

    /// <summary>The moment (UTC) the city's <paramref name="day"/> begins.</summary>
    public static DateTime StartOfDayUtc(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - Offset;
}
