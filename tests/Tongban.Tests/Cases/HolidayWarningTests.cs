using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Cases;

/// <summary>The operator is told on the workbench, from 1 November, that next year's public holidays are missing (the catalogue holds 2026 only).</summary>
public sealed class HolidayWarningTests(TongbanAppBeforeSpringFestival app) : IClassFixture<TongbanAppBeforeSpringFestival>
{
    private const string Warning = "The public holidays of 2027 are not in the catalogue yet";

    [Fact]
    public async Task NextYearsMissingHolidays_AreOnTheOperatorsWorkbench_From1November()
    {
        // 9 February 2026 → 31 October 2026, 12:00 in the city: not yet.
        app.Time.Advance(new DateTimeOffset(2026, 10, 31, 4, 0, 0, TimeSpan.Zero) - app.Time.GetUtcNow());
        var (_, october, _) = await (await People.SignInStaff(app, "operator")).Get("/staff");
        Assert.DoesNotContain(Warning, october, StringComparison.Ordinal);

        app.Time.Advance(TimeSpan.FromDays(1));
        var (_, november, _) = await (await People.SignInStaff(app, "operator")).Get("/staff");
        Assert.Contains(Warning, november, StringComparison.Ordinal);

        var (_, officers, _) = await (await People.SignInStaff(app, "officer.civil")).Get("/staff");
        Assert.DoesNotContain(Warning, officers, StringComparison.Ordinal);
    }
}
