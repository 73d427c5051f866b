using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Catalogue.Pages;

/// <summary>/services in a real browser: accessible, narrow-screen friendly and keyboard usable, in both languages.</summary>
[Trait("Suite", "Browser")] // run once, on SQLite, in CI (.ci/run): pages do not change with the database
public sealed class ServiceListBrowserTests(TongbanApp app, Chromium chromium) : IClassFixture<TongbanApp>
{
    private readonly Uri _site = app.StartRealServer();

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task Services_HasNoAxeViolations(string locale)
    {
        var page = await chromium.NewPage(locale: locale);

        await page.GotoAsync(new Uri(_site, "/services").ToString());

        Assert.Equal(locale, await page.GetAttributeAsync("html", "lang"));
        Assert.Empty(await Chromium.AxeViolations(page));
    }

    [Fact]
    public async Task Services_At320PixelsWide_DoesNotScrollSideways()
    {
        var page = await chromium.NewPage(width: 320, height: 640);

        await page.GotoAsync(new Uri(_site, "/services").ToString());

        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the page is {overflow}px wider than a 320px screen");
    }

    [Fact]
    public async Task SkipLink_IsTheFirstTabStop_AndMovesFocusToTheMainContent()
    {
        var page = await chromium.NewPage();
        await page.GotoAsync(new Uri(_site, "/services").ToString());

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("skip-link", await page.EvaluateAsync<string>("document.activeElement.className"));
        await page.Keyboard.PressAsync("Enter");

        Assert.Equal("main", await page.EvaluateAsync<string>("document.activeElement.id"));
    }

    [Fact]
    public async Task LanguageLink_SwitchesToEnglish_AndRemembersIt()
    {
        var page = await chromium.NewPage(locale: "zh-CN");
        await page.GotoAsync(new Uri(_site, "/services").ToString());

        await page.ClickAsync("a[hreflang=en]");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Contains("/services", page.Url, StringComparison.Ordinal);

        await page.GotoAsync(new Uri(_site, "/services").ToString());
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
    }
}
