using Tongban.Insights;
using Tongban.Residents;

namespace Tongban.Tests.Insights;

/// <summary>What the observatory counts, by group and period, and what it will not publish.</summary>
public sealed class InsightCounterTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    private static Resident Person(int age, string district, bool consent = true, AccessibilityNeeds needs = AccessibilityNeeds.None) => new()
    {
        Id = Guid.NewGuid(),
        DateOfBirth = Today.AddYears(-age).AddDays(-10),
        DistrictCode = district,
        ClaimedIdNumber = "440304195603270023", // 17th digit 2: a woman
        LocalHukou = true,
        PreferredLanguage = "zh-CN",
        AccessibilityNeeds = needs,
        StatisticsConsent = consent,
    };

    private static InsightCell Cell(IEnumerable<InsightCell> cells, string period, string dimension, string group) =>
        cells.Single(c => c.Department == null && c.Period == period && c.Dimension == dimension && c.Group == group);

    [Fact]
    public void ACase_CountsInItsGroups_ItsMonth_AndTheTwelveMonths_OnlyOnceAsAnApplicant()
    {
        var counter = new InsightCounter(Today);
        var elder = Person(80, "futian", needs: AccessibilityNeeds.LargeText);
        var groups = InsightCounter.Indices(ResidentGroups.Of(elder, Today));
        counter.AddResident(groups);
        counter.AddCase(elder.Id, groups, Channel.Counter, new DateOnly(2026, 11, 20), online: false, assisted: true, workingDaysToDecision: 4, approved: true, breached: false);
        counter.AddCase(elder.Id, groups, Channel.Online, new DateOnly(2026, 6, 2), online: true, assisted: false, workingDaysToDecision: null, approved: false, breached: true);
        counter.AddCase(elder.Id, groups, Channel.Online, new DateOnly(2025, 11, 30), online: true, assisted: false, workingDaysToDecision: 1, approved: true, breached: false); // over a year ago

        var cells = counter.Cells(DateTime.UtcNow).ToList();
        var year = Cell(cells, InsightCounter.TwelveMonths, "age", "75+");
        Assert.Equal((1, 1, 2, 1, 1, 1, 1, 4L, 1), (year.Residents, year.Applicants, year.Cases, year.OnlineCases, year.AssistedCases, year.Decided, year.Approved, year.DecisionWorkingDays, year.Breached));
        Assert.Equal(1, Cell(cells, "2026-11", "age", "75+").Cases);
        Assert.Equal(1, Cell(cells, "2026-06", "disability", "some").Cases);
        Assert.Equal(1, Cell(cells, InsightCounter.TwelveMonths, "age×district", "75+|futian").Applicants);
        Assert.Equal(2, Cell(cells, InsightCounter.TwelveMonths, "sex", "female").Cases); // from the ID number
        Assert.Equal(1, Cell(cells, InsightCounter.TwelveMonths, "age×channel", "75+|Counter").Cases);
        Assert.DoesNotContain(cells, c => c.Period == "2025-11");
        Assert.Equal(0, Cell(cells, InsightCounter.TwelveMonths, "channel", "Counter").Residents); // a channel has no residents
    }

    [Fact]
    public void ARating_CountsByTheWaySheWasServed_InItsMonth_ItsDepartment_AndItsService()
    {
        var counter = new InsightCounter(Today);
        var elder = Person(80, "futian");
        var groups = InsightCounter.Indices(ResidentGroups.Of(elder, Today));
        counter.AddResident(groups);
        counter.AddRating(groups, Channel.Counter, new DateOnly(2026, 11, 20), bad: true, "civil-affairs", "elderly-allowance");
        counter.AddRating(groups, Channel.Online, new DateOnly(2026, 11, 21), bad: false, "civil-affairs", "elderly-allowance");
        counter.AddRating(groups, Channel.Online, new DateOnly(2025, 11, 30), bad: true, "civil-affairs", "elderly-allowance"); // over a year ago

        var cells = counter.Cells(DateTime.UtcNow).ToList();
        var year = Cell(cells, InsightCounter.TwelveMonths, "age", "75+");
        Assert.Equal((2, 1), (year.Rated, year.BadReviews));
        Assert.Equal(0.5, Measure.Satisfaction.ValueOf(year));
        Assert.Equal((1, 1), (Cell(cells, "2026-11", "age×channel", "75+|Counter").Rated, Cell(cells, "2026-11", "age×channel", "75+|Counter").BadReviews));
        Assert.Equal((1, 0), (Cell(cells, InsightCounter.TwelveMonths, "channel", "Online").Rated, Cell(cells, InsightCounter.TwelveMonths, "channel", "Online").BadReviews));
        var ofService = cells.Single(c => c.Department == "civil-affairs" && c.Service == "elderly-allowance" && c.Dimension == "age" && c.Group == "75+");
        Assert.Equal((2, 1, 0), (ofService.Rated, ofService.BadReviews, ofService.Cases));
        Assert.DoesNotContain(cells, c => c.Period == "2025-11");
    }

    [Fact]
    public void AHallVisit_CountsOnTheCounterChannel_InHerGroups_AndItsService()
    {
        var counter = new InsightCounter(Today);
        var elder = Person(80, "futian");
        var groups = InsightCounter.Indices(ResidentGroups.Of(elder, Today));
        counter.AddResident(groups);
        counter.AddHallVisit(groups, new DateOnly(2026, 11, 20), withinQuarterHour: false, "civil-affairs", "senior-citizen-card");
        counter.AddHallVisit(groups, new DateOnly(2026, 12, 1), withinQuarterHour: true, "civil-affairs", "senior-citizen-card");

        var cells = counter.Cells(DateTime.UtcNow).ToList();
        var year = Cell(cells, InsightCounter.TwelveMonths, "age×channel", "75+|Counter");
        Assert.Equal((2, 1, 0), (year.HallVisits, year.CalledWithinQuarterHour, year.Cases));
        Assert.Equal(0.5, Measure.HallWaits.ValueOf(year));
        Assert.Equal(0, Cell(cells, "2026-11", "age", "75+").CalledWithinQuarterHour);
        Assert.DoesNotContain(cells, c => c.Department == null && c.Dimension == "channel" && c.Group == "Online" && c.HallVisits > 0);
        Assert.Equal(2, cells.Single(c => c.Service == "senior-citizen-card" && c.Dimension == "age" && c.Group == "75+").HallVisits);
    }

    [Fact]
    public void WithoutHerConsent_SheCountsAsNotStated_InEveryGroup()
    {
        var counter = new InsightCounter(Today);
        var she = Person(30, "nanshan", consent: false);
        var groups = InsightCounter.Indices(ResidentGroups.Of(she, Today));
        counter.AddResident(groups);
        counter.AddCase(she.Id, groups, Channel.Online, Today, true, false, null, false, false);

        var cells = counter.Cells(DateTime.UtcNow).ToList();
        Assert.All(cells.Where(c => c.Dimension != "channel"), c => Assert.Contains("unknown", c.Group, StringComparison.Ordinal));
        Assert.Equal(1, Cell(cells, InsightCounter.TwelveMonths, "channel", "Online").Cases); // the channel is the case's, not hers
    }

    [Fact]
    public void ASmallGroup_IsSuppressed_AndSoIsTheNextSmallest_SoThatNeitherCanBeWorkedOut()
    {
        var counts = new Dictionary<string, int> { ["futian"] = 250, ["luohu"] = 40, ["dapeng"] = 7, ["nanshan"] = 900 };
        Assert.Equal(new HashSet<string> { "dapeng", "luohu" }, Suppression.Suppressed(counts));

        counts["yantian"] = 3; // two small ones hide each other
        Assert.Equal(new HashSet<string> { "dapeng", "yantian" }, Suppression.Suppressed(counts));
        Assert.Empty(Suppression.Suppressed(new Dictionary<string, int> { ["a"] = 10, ["b"] = 11 }));
    }

    [Fact]
    public void APublishedTable_ShowsNoValueOrCountOfASuppressedGroup_AndMeasuresTheGapWithoutIt()
    {
        InsightCell Group(string group, int started, int sent) => new() { Period = "12m", Dimension = "age", Group = group, DraftsStarted = started, DraftsSubmitted = sent };
        var table = ReadInsights.Build(Measure.FormCompletion, "age", "12m", [Group("25-34", 400, 380), Group("75+", 9, 3), Group("65-74", 30, 18), Group("unknown", 50, 40)]);

        Assert.Equal(["25-34", "65-74", "75+", "unknown"], table.Rows.Select(r => r.Group));
        var old = table.Rows.Single(r => r.Group == "75+");
        Assert.True(old.Suppressed);
        Assert.Null(old.Value);
        Assert.Equal(0, old.Count);
        Assert.True(table.Rows.Single(r => r.Group == "65-74").Suppressed); // the next smallest, or 75+ = total − the rest
        Assert.Null(table.Summary); // only one known group left: no gap to measure
    }

    /// <summary>Online take-up by age in three months (the newest still in progress): the gap goes from 10 to 40 points.</summary>
    [Theory]
    [InlineData(0.6, 1)] // 40 points, wider than before and than the 30-point threshold: an alert
    [InlineData(0.75, 0)] // 25 points: wider than before, but within the threshold
    public void AGapThatWidensBeyondItsThreshold_IsAnAlert_AMonthInProgressIsNot(double oldestOnlineLastMonth, int expected)
    {
        InsightCell Month(string month, string group, double online) =>
            new() { Period = month, Dimension = "age", Group = group, Cases = 100, OnlineCases = (int)Math.Round(online * 100) };
        InsightCell[] cells =
        [
            Month("2026-10", "25-34", 0.9), Month("2026-10", "75+", 0.8),
            Month("2026-11", "25-34", 1.0), Month("2026-11", "75+", oldestOnlineLastMonth),
            Month("2026-12", "25-34", 1.0), Month("2026-12", "75+", 0.0), // in progress: never compared
        ];

        var widened = GapAlerts.Widened(cells, m => m.AlertGap);

        Assert.Equal(expected, widened.Count(w => w.Measure == Measure.OnlineTakeUp && w.Dimension == "age"));
        Assert.All(widened, w => Assert.Equal(("2026-10", "2026-11"), (w.FromMonth, w.ToMonth)));
    }
}
