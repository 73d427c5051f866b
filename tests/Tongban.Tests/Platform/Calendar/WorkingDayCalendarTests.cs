using Microsoft.Extensions.Logging;
using Tongban.Platform.Calendar;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Platform.Calendar;

public sealed class WorkingDayCalendarTests
{
    private static readonly string HolidayFolder = Path.Combine(AppContext.BaseDirectory, "catalogue", "holidays");

    private readonly ListLogger<WorkingDayCalendar> _log = new();

    private WorkingDayCalendar Calendar() => new(CalendarSetup.LoadYears(HolidayFolder), _log);

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-02-13", true)]  // Friday before the Spring Festival
    [InlineData("2026-02-14", true)]  // make-up Saturday
    [InlineData("2026-02-15", false)] // first day of the holiday (a Sunday)
    [InlineData("2026-02-16", false)] // Monday inside the holiday
    [InlineData("2026-02-23", false)] // last day of the holiday (a Monday)
    [InlineData("2026-02-24", true)]  // first working day after
    [InlineData("2026-02-21", false)] // ordinary Saturday inside the holiday
    [InlineData("2026-02-28", true)]  // second make-up Saturday
    [InlineData("2026-03-01", false)] // ordinary Sunday
    [InlineData("2026-10-08", true)]  // first working day after National Day
    [InlineData("2026-10-10", true)]  // National Day make-up Saturday
    public void IsWorkingDay_AroundThe2026Holidays_FollowsTheStateCouncilArrangement(string day, bool working) =>
        Assert.Equal(working, Calendar().IsWorkingDay(D(day)));

    [Theory]
    [InlineData("2026-02-12", 0, "2026-02-12")]
    [InlineData("2026-02-12", 1, "2026-02-13")]
    [InlineData("2026-02-12", 2, "2026-02-14")] // the make-up Saturday counts
    [InlineData("2026-02-12", 3, "2026-02-24")] // the whole holiday is skipped
    [InlineData("2026-02-13", 6, "2026-02-28")]
    [InlineData("2026-02-13", 7, "2026-03-02")]
    [InlineData("2026-09-30", 1, "2026-10-08")]
    public void AddWorkingDays_AcrossHolidays_SkipsHolidaysAndCountsMakeUpDays(string start, int days, string expected) =>
        Assert.Equal(D(expected), Calendar().AddWorkingDays(D(start), days));

    [Fact]
    public void AddWorkingDays_WhenNegative_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar().AddWorkingDays(D("2026-01-05"), -1));

    [Theory]
    [InlineData("2026-02-13", "2026-02-28", 6)]
    [InlineData("2026-02-28", "2026-02-13", -6)]
    [InlineData("2026-02-14", "2026-02-23", 0)]
    [InlineData("2026-02-13", "2026-02-13", 0)]
    public void WorkingDaysBetween_AcrossTheSpringFestival_CountsOnlyWorkingDays(string from, string to, int expected) =>
        Assert.Equal(expected, Calendar().WorkingDaysBetween(D(from), D(to)));

    [Fact]
    public void WorkingDaysBetween_IsTheInverseOfAddWorkingDays()
    {
        var calendar = Calendar();
        var start = D("2026-01-20");
        for (var days = 0; days < 60; days++)
        {
            Assert.Equal(days, calendar.WorkingDaysBetween(start, calendar.AddWorkingDays(start, days)));
        }
    }

    [Fact]
    public void AYearWithoutData_FallsBackToWeekendsOnly_AndWarnsOnce()
    {
        var calendar = Calendar();

        Assert.False(calendar.HasDataFor(2027));
        Assert.True(calendar.IsWorkingDay(D("2027-01-01"))); // a Friday; the real holiday is unknown here
        Assert.False(calendar.IsWorkingDay(D("2027-01-02")));
        Assert.Equal(D("2027-01-04"), calendar.AddWorkingDays(D("2027-01-01"), 1));

        var warnings = _log.Entries.Where(e => e.Level == LogLevel.Warning).ToList();
        var warning = Assert.Single(warnings);
        Assert.Contains("2027", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AMakeUpDayInsideAHoliday_IsRefusedWithTheDate()
    {
        const string json = """
            { "year": 2026,
              "holidays": [ { "name_zh": "春节", "name_en": "Spring Festival", "from": "2026-02-15", "to": "2026-02-23" } ],
              "extra_working_days": [ "2026-02-16" ] }
            """;

        var (year, errors) = HolidayYear.Parse(json);

        Assert.Null(year);
        Assert.Contains(errors, e => e.Contains("2026-02-16", StringComparison.Ordinal) && e.Contains("holiday", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{ "year": 2026, "holidays": [ { "name_zh": "春节", "name_en": "", "from": "2026-02-15", "to": "2026-02-23" } ] }""", "translation")]
    [InlineData("""{ "year": 2026, "holidays": [ { "name_zh": "春节", "name_en": "Spring", "from": "2026-02-23", "to": "2026-02-15" } ] }""", "'to'")]
    [InlineData("""{ "holidays": [] }""", "'year'")]
    [InlineData("""{ "year": 2026, """, "JSON")]
    public void Parse_BrokenFiles_AreRefusedWithAReason(string json, string reason)
    {
        var (year, errors) = HolidayYear.Parse(json);

        Assert.Null(year);
        Assert.Contains(errors, e => e.Contains(reason, StringComparison.Ordinal));
    }
}
