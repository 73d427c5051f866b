using Microsoft.Playwright;
using Tongban.Platform.Localization;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Catalogue.Pages;

/// <summary>
/// Every kind of portal page in Chromium, in both languages, in normal and elder mode: no axe
/// violations, no sideways scrolling at 320 px or at 200 % zoom, no scripts and no third-party requests.
/// </summary>
[Trait("Suite", "Browser")] // run once, on SQLite, in CI (.ci/run): pages do not change with the database
public sealed class PortalBrowserTests(TongbanApp app, Chromium chromium) : IClassFixture<TongbanApp>
{
    private readonly Uri _site = app.StartRealServer();

    private async Task<IPage> Open(string path, string locale, bool elder, int width = 1280, int height = 900, List<IRequest>? requests = null)
    {
        var page = await chromium.NewPage(width, height, locale);
        if (requests is not null)
        {
            page.Request += (_, r) => requests.Add(r);
        }

        await Visit(page, path, locale, elder);
        return page;
    }

    /// <summary>Visits a page as a resident with the given language and mode, reusing the browser tab.</summary>
    private async Task Visit(IPage page, string path, string locale, bool elder)
    {
        // The remembered-language cookie, as the language link sets it, outranks the browser's own language.
        await page.Context.ClearCookiesAsync();
        var cookies = new List<Cookie> { new() { Name = LocalizationSetup.CookieName, Value = $"c={locale}|uic={locale}", Url = _site.ToString() } };
        if (elder)
        {
            cookies.Add(new Cookie { Name = ".Tongban.ElderMode", Value = "1", Url = _site.ToString() });
        }

        await page.Context.AddCookiesAsync(cookies);

        await page.GotoAsync(new Uri(_site, path).ToString());
    }

    [Theory]
    [MemberData(nameof(PortalPages.Data), MemberType = typeof(PortalPages))]
    public async Task Page_HasNoAxeViolations_InBothLanguagesAndBothModes(string path)
    {
        var problems = new List<string>();
        var page = await chromium.NewPage();
        foreach (var locale in new[] { "zh-CN", "en" })
        {
            foreach (var elder in new[] { false, true })
            {
                await Visit(page, path, locale, elder);
                Assert.Equal(locale, await page.GetAttributeAsync("html", "lang"));
                problems.AddRange((await Chromium.AxeViolations(page)).Select(v => $"{locale}{(elder ? " elder" : "")}: {v}"));
            }
        }

        await page.Context.CloseAsync();
        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(PortalPages.Data), MemberType = typeof(PortalPages))]
    public async Task Page_FitsA320PixelScreen_AndTwoHundredPercentZoom_WithoutSidewaysScrolling(string path)
    {
        var problems = new List<string>();
        // 320 CSS px is a small phone; 640 x 450 CSS px is a 1280 x 900 window zoomed to 200 %.
        var page = await chromium.NewPage();
        foreach (var (width, height) in new[] { (320, 640), (640, 450) })
        {
            await page.SetViewportSizeAsync(width, height);
            foreach (var elder in new[] { false, true })
            {
                await Visit(page, path, "en", elder);
                var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
                if (overflow > 0)
                {
                    problems.Add($"{width}px{(elder ? " elder" : "")}: {overflow}px too wide");
                }
            }
        }

        await page.Context.CloseAsync();
        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(PortalPages.Data), MemberType = typeof(PortalPages))]
    public async Task Page_LoadsNoScriptAndNothingFromAnotherSite(string path)
    {
        var requests = new List<IRequest>();
        var page = await Open(path, "zh-CN", elder: false, requests: requests);
        var scripts = await page.Locator("script:not([type='application/ld+json'])").CountAsync();
        await page.Context.CloseAsync(); // no request is added to the list while it is read

        Assert.All(requests, r => Assert.Equal(_site.Authority, new Uri(r.Url).Authority));
        Assert.DoesNotContain(requests, r => r.ResourceType is "script" or "font");
        Assert.Equal(0, scripts);
    }

    [Fact]
    public async Task ElderMode_HasTwentyPixelText_AndFortyEightPixelTargets()
    {
        var page = await Open("/", "en", elder: true);

        var fontSize = await page.EvaluateAsync<double>("parseFloat(getComputedStyle(document.body).fontSize)");
        Assert.True(fontSize >= 20, $"body text is {fontSize}px");
        var small = await page.EvaluateAsync<string[]>(
            "[...document.querySelectorAll('header a, main a, footer a, button, input')].filter(e => e.getBoundingClientRect().height < 48).map(e => e.outerHTML.slice(0, 80))");
        Assert.Empty(small);
    }

    [Fact]
    public async Task ElderMode_CanBeSwitchedOnAndOffFromAnyPage_WithoutJavaScript()
    {
        var page = await chromium.NewPage(locale: "en", javaScript: false);
        await page.GotoAsync(new Uri(_site, "/services/elderly-allowance").ToString());

        await page.ClickAsync("header a[href^='/settings/elder-mode/on']");
        Assert.Equal("elder", await page.GetAttributeAsync("html", "class"));
        Assert.EndsWith("/services/elderly-allowance", page.Url, StringComparison.Ordinal);

        await page.ClickAsync("header a[href^='/settings/elder-mode/off']");
        Assert.Null(await page.GetAttributeAsync("html", "class"));
    }

    [Fact]
    public async Task Search_WorksWithJavaScriptOff_FromTheKeyboard()
    {
        var page = await chromium.NewPage(locale: "en", javaScript: false);
        await page.GotoAsync(new Uri(_site, "/").ToString());

        await page.FocusAsync("#site-search");
        await page.Keyboard.TypeAsync("lost my job");
        Assert.Equal("lost my job", await page.InputValueAsync("#site-search"));

        // Waiting starts before the key is pressed, so a fast answer cannot be missed (CI once timed out here under load).
        var navigated = page.WaitForURLAsync("**/search?q=*", new() { Timeout = 60_000 });
        await page.Keyboard.PressAsync("Enter");
        await navigated;
        Assert.Contains("/services/unemployment-benefit", await page.ContentAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task SignIn_WithAWrongNumber_ShowsAnAccessibleErrorSummary_AndKeepsTheInput(string locale)
    {
        var page = await Open("/sign-in", locale, elder: false);

        await page.FillAsync("#mobile", "12345");
        await page.ClickAsync("main form button[type=submit]");

        Assert.Equal(1, await page.Locator(".error-summary a[href='#mobile']").CountAsync());
        Assert.Equal("12345", await page.InputValueAsync("#mobile"));
        Assert.Equal("true", await page.GetAttributeAsync("#mobile", "aria-invalid"));
        Assert.Empty(await Chromium.AxeViolations(page));
    }

    [Fact]
    public async Task Keyboard_FocusIsAlwaysVisible()
    {
        var page = await Open("/services/elderly-allowance", "en", elder: false);

        for (var i = 0; i < 8; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var outline = await page.EvaluateAsync<string>("getComputedStyle(document.activeElement).outlineStyle");
            var tag = await page.EvaluateAsync<string>("document.activeElement.outerHTML.slice(0, 60)");
            Assert.True(outline != "none", $"no visible focus on {tag}");
        }
    }
}
