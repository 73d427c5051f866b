using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Insights;

/// <summary>The observatory's pages in Chromium, with figures in them: axe in both languages and modes, and a 320 px phone.</summary>
[Trait("Suite", "Browser")] // run once, on SQLite, in CI (.ci/run): pages do not change with the database
public sealed class ObservatoryBrowserTests(SeededCity app, Chromium chromium) : IClassFixture<SeededCity>
{
    [Fact]
    public async Task ThePagesAndTheirChartsAndTables_AreAccessible()
    {
        var page = await chromium.NewPage(locale: "en");
        var problems = new List<string>();
        foreach (var path in new[] { "/insights", "/insights/online-take-up?by=age", "/insights/breaches?by=district", "/insights/approval-rate?by=age&cross=district", "/insights/data" })
        {
            await PageChecks.EveryLanguageAndMode(page, app.Site, path, problems);
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
