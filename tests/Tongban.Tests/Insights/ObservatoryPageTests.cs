using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Insights;

namespace Tongban.Tests.Insights;

/// <summary>The public pages: the headline gaps, one measure by any grouping, and clear refusals of addresses that make no sense.</summary>
public sealed partial class ObservatoryTests
{
    [Fact]
    public async Task TheHeadlines_SayInPlainWordsWhichGroupIsLeftBehind_InBothLanguages()
    {
        var (status, html) = await Get("/insights");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("The widest gaps over the last twelve months", html, StringComparison.Ordinal);
        // In the seeded city, as in CNNIC's figures, the oldest residents are the least online.
        Assert.Matches(@"Applications sent online</a></h3>\s*<p>75 and over: \d+\.\d %; Aged (18–24|25–34|35–44|45–54): \d+\.\d %", html);
        Assert.Contains("The gap between the best and the worst group was", html, StringComparison.Ordinal);

        var (_, chinese) = await Get("/insights", "zh-CN");
        Assert.Contains("谁被落下了", chinese, StringComparison.Ordinal);
        Assert.Contains("75岁及以上", chinese, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMeasureByAge_HasAChartWithItsTable_AndTheGapFallsWithAge()
    {
        var (status, html) = await Get("/insights/online-take-up?by=age");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<svg role=\"img\" aria-labelledby=\"chart-title chart-desc\"", html, StringComparison.Ordinal);
        Assert.Contains("<title id=\"chart-title\">Applications sent online by Age</title>", html, StringComparison.Ordinal);
        Assert.Contains("<caption>Applications sent online (per cent), by Age</caption>", html, StringComparison.Ordinal);
        Assert.Contains("Slope index of inequality", html, StringComparison.Ordinal);
        Assert.Contains("The gap month by month", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);

        await using var scope = app.Scope();
        var table = await scope.ServiceProvider.GetRequiredService<ReadInsights>().Table(Measure.OnlineTakeUp, "age", InsightCounter.TwelveMonths, TestContext.Current.CancellationToken);
        Assert.True(table.Summary!.SlopeIndex < 0, "online take-up falls with age");
        Assert.True(table.Summary.AbsoluteConcentrationIndex < 0);
    }

    [Fact]
    public async Task ByDistrict_AMapOfTheElevenDistricts_DrawnByTheApp_WithTheirValuesWrittenIn()
    {
        var (status, html) = await Get("/insights/breaches?by=district");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<title id=\"map-title\">Map of the districts: Time limits broken</title>", html, StringComparison.Ordinal);
        var map = html[html.IndexOf("map-title", StringComparison.Ordinal)..html.IndexOf("</svg>", StringComparison.Ordinal)];
        Assert.Equal(11, Regex.Count(map, "<rect "));
        Assert.Equal(11, Regex.Count(map, @"class=""map-value""[^>]*>([\d.]+ %|–)</text>"));
        Assert.DoesNotContain("http", map, StringComparison.Ordinal); // nothing fetched from elsewhere
        Assert.DoesNotContain("Map of the districts", (await Get("/insights/breaches?by=age")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CrossedGroups_HideTheSmallOnes_AndNeverJustOne()
    {
        var (status, html) = await Get("/insights/approval-rate?by=district&cross=age");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Not published", html, StringComparison.Ordinal); // 1,500 residents over 11 districts × 8 ages
        Assert.Contains("by Age × District", html, StringComparison.Ordinal); // asked either way round, published one way

        await using var scope = app.Scope();
        var read = scope.ServiceProvider.GetRequiredService<ReadInsights>();
        foreach (var measure in Measure.All)
        {
            foreach (var table in await read.All(measure, TestContext.Current.CancellationToken))
            {
                Assert.NotEqual(1, table.Rows.Count(r => r.Suppressed));
                Assert.All(table.Rows.Where(r => !r.Suppressed && r.Value is not null), r => Assert.True(r.Count >= Suppression.MinimumCount, $"{measure.Code} {table.Dimension} {r.Group}: {r.Count}"));
            }
        }
    }

    [Theory]
    [InlineData("/insights/happiness", HttpStatusCode.NotFound, "")]
    [InlineData("/insights/breaches?by=star-sign", HttpStatusCode.BadRequest, "There is no such group")]
    [InlineData("/insights/breaches?by=age&cross=age", HttpStatusCode.BadRequest, "Choose two different ways")]
    [InlineData("/insights/reach?by=channel", HttpStatusCode.BadRequest, "cannot be shown by channel")]
    [InlineData("/insights/reach?by=age&cross=channel", HttpStatusCode.BadRequest, "cannot be shown by channel")]
    [InlineData("/insights/breaches?period=1999-01", HttpStatusCode.BadRequest, "no figures for that period")]
    [InlineData("/insights/breaches?period=99999999999999999999&by=%00%27", HttpStatusCode.BadRequest, "")]
    public async Task AnAddressThatMakesNoSense_GetsAClearPage_NeverAnError(string url, HttpStatusCode expected, string says)
    {
        var (status, html) = await Get(url);
        Assert.Equal(expected, status);
        Assert.Contains(says, html, StringComparison.Ordinal);
        Assert.Contains("<h1", html, StringComparison.Ordinal);
    }
}
