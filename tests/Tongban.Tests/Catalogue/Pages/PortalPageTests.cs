using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Catalogue.Pages;

public sealed partial class PortalPageTests(TongbanApp app) : IClassFixture<TongbanApp>
{
    private async Task<(HttpStatusCode Status, string Html)> Get(string url, string language = "zh-CN", bool elder = false)
    {
        var (status, html, _) = await new FormClient(app, language, elder).Get(url);
        return (status, html);
    }

    [Fact]
    public async Task Home_PutsLifeEventsFirst_ThenMostUsed_ThenDepartments_ThenOtherWays()
    {
        var (status, html) = await Get("/", "en");

        Assert.Equal(HttpStatusCode.OK, status);
        var order = new[] { "id=\"life-events\"", "id=\"most-used\"", "id=\"departments\"", "id=\"other-ways\"" }
            .Select(marker => html.IndexOf(marker, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
        Assert.Contains("href=\"/life-events/having-a-baby\"", html, StringComparison.Ordinal);
        Assert.Contains("tel:12345", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServicePage_SaysWhoWhatCostHowLong_AndEveryWayToDoIt()
    {
        var (status, html) = await Get("/services/elderly-allowance", "en");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Shenzhen-registered residents aged 80 or over", html, StringComparison.Ordinal);
        Assert.Contains("Your bank account details", html, StringComparison.Ordinal);
        Assert.Contains("Free", html, StringComparison.Ordinal);
        Assert.Contains("Every way takes the same time: 20 working days.", html, StringComparison.Ordinal);
        foreach (var channel in new[] { "online", "partnerapp", "counter", "hotline", "post" })
        {
            Assert.Contains($"id=\"channel-{channel}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("Luohu District Service Centre", html, StringComparison.Ordinal);
        Assert.Contains("Step-free entrance", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServicePage_CarriesGovernmentServiceJsonLd_WithAChannelPerWay()
    {
        var (_, html) = await Get("/services/residence-permit", "en");

        var json = JsonLd().Match(html).Groups[1].Value;
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal("GovernmentService", root.GetProperty("@type").GetString());
        Assert.Equal("Shenzhen residence permit", root.GetProperty("name").GetString());
        var channels = root.GetProperty("availableChannel").EnumerateArray().ToList();
        Assert.Equal(5, channels.Count);
        Assert.All(channels, c =>
        {
            Assert.Equal("ServiceChannel", c.GetProperty("@type").GetString());
            Assert.Matches("^P[0-9]+D$", c.GetProperty("processingTime").GetString()!);
            Assert.Equal(["zh-CN", "en"], c.GetProperty("availableLanguage").EnumerateArray().Select(l => l.GetString()));
        });
        Assert.Contains(channels, c => c.TryGetProperty("serviceUrl", out _));
        Assert.Contains(channels, c => c.TryGetProperty("servicePhone", out var phone) && phone.GetProperty("telephone").GetString() == "12345");
        Assert.Contains(channels, c => c.TryGetProperty("serviceLocation", out var halls) && halls.GetArrayLength() > 10);
    }

    [Theory]
    [InlineData("/life-events/having-a-baby", "Registering a pregnancy")]
    [InlineData("/departments/civil-affairs", "Minimum living allowance")]
    [InlineData("/halls/luohu-hall", "Hongling Middle Road")]
    [InlineData("/halls", "Dapeng New District Service Centre")]
    [InlineData("/life-events", "A death in the family")]
    [InlineData("/settings/elder-mode", "Turn elder mode on")]
    public async Task PortalPages_ShowTheirContent(string url, string expected)
    {
        var (status, html) = await Get(url, "en");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(expected, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LifeEventPage_ListsItsServicesInOrder()
    {
        var (_, html) = await Get("/life-events/having-a-baby", "en");

        var positions = new[] { "maternity-registration", "birth-medical-certificate", "birth-household-registration", "maternity-allowance" }
            .Select(code => html.IndexOf($"/services/{code}\"", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
    }

    [Theory]
    [InlineData("/services/no-such-service")]
    [InlineData("/life-events/no-such-event")]
    [InlineData("/departments/x")]
    [InlineData("/halls/%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    [InlineData("/services/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("/services/%E5%B1%85%E4%BD%8F%E8%AF%81%F0%9F%98%80")]
    public async Task UnknownCodes_GiveAHelpful404_InTheVisitorsLanguage(string url)
    {
        var (enStatus, en) = await Get(url, "en");
        var (zhStatus, zh) = await Get(url, "zh-CN");

        Assert.Equal(HttpStatusCode.NotFound, enStatus);
        Assert.Equal(HttpStatusCode.NotFound, zhStatus);
        Assert.Contains("Page not found", en, StringComparison.Ordinal);
        Assert.Contains("找不到该页面", zh, StringComparison.Ordinal);
        Assert.Contains("href=\"/halls\"", en, StringComparison.Ordinal);
        Assert.Contains("tel:12345", en, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", en, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ElderMode_SwitchesOnAndOff_WithPlainLinks()
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var on = await client.GetAsync(new Uri("/settings/elder-mode/on?returnUrl=%2Fservices", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, on.StatusCode);
        Assert.Equal("/services", on.Headers.Location?.OriginalString);
        Assert.Contains(on.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".Tongban.ElderMode=1", StringComparison.Ordinal));

        var (_, elder) = await Get("/", "en", elder: true);
        Assert.Contains("class=\"elder\"", elder, StringComparison.Ordinal);
        Assert.Contains("/settings/elder-mode/off", elder, StringComparison.Ordinal);

        using var off = await client.GetAsync(new Uri("/settings/elder-mode/off?returnUrl=%2F", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains(off.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".Tongban.ElderMode=;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ElderMode_ShowsFewerItemsPerPage()
    {
        var (_, normal) = await Get("/", "en");
        var (_, elder) = await Get("/", "en", elder: true);

        Assert.True(LifeEventLinks().Count(elder) < LifeEventLinks().Count(normal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("<script>alert('x')</script>")]
    [InlineData("'; DROP TABLE \"Services\"; --")]
    [InlineData("😀😀😀🎉")]
    [InlineData("\u0000\u0001\u200b")]
    [InlineData("title:foo AND (bar OR \"baz")]
    [InlineData("生孩子 生孩子 生孩子 生孩子 生孩子 生孩子 生孩子 生孩子 生孩子 生孩子 生孩子 生孩子 生孩子 生孩子 生孩子 生孩子 生孩子 生孩子 生孩子 生孩子 生孩子 生孩子 生孩子 生孩子 生孩子 生孩子 生孩子 生孩子 生孩子 生孩子 生孩子 生孩子 生孩子 生孩子 生孩子 生孩子 生孩子")]
    public async Task Search_WithOddInput_AnswersWithAHelpfulPage(string query)
    {
        var (status, html) = await Get("/search?q=" + Uri.EscapeDataString(query), "en");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("name=\"q\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_WithAVeryLongQuery_SaysItWasShortened()
    {
        var (status, html) = await Get("/search?q=" + Uri.EscapeDataString(new string('a', 5000)), "en");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("only its first 200 characters", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_WithNoMatchAtAll_OffersMostUsedServicesHotlineAndHalls()
    {
        var (_, html) = await Get("/search?q=xyzzy", "en");

        Assert.Contains("We found nothing for “<span lang=\"en\">xyzzy</span>”", html, StringComparison.Ordinal);
        Assert.Contains("Most used services", html, StringComparison.Ordinal);
        Assert.Contains("tel:12345", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/halls\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_MarksTheLanguageOfWhatWasTyped_WhenItDiffersFromThePage()
    {
        var (_, html) = await Get("/search?q=" + Uri.EscapeDataString("生孩子"), "en");

        Assert.Contains("<html lang=\"en\"", html, StringComparison.Ordinal);
        Assert.Contains("Results for “<span lang=\"zh-CN\">生孩子</span>”", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_ShowsLifeEventsBeforeServices()
    {
        var (_, html) = await Get("/search?q=" + Uri.EscapeDataString("had a baby"), "en");

        var lifeEvent = html.IndexOf("/life-events/having-a-baby", StringComparison.Ordinal);
        var service = html.IndexOf("/services/birth-household-registration", StringComparison.Ordinal);
        Assert.InRange(lifeEvent, 0, service);
    }

    [Fact]
    public async Task Search_NextPage_ShowsTheNextResults_NotTheFirstAgain()
    {
        // A word in many services' names, so that the results run over more than one page.
        var query = "/search?q=" + Uri.EscapeDataString("证");
        var (_, first) = await Get(query);
        var (status, second) = await Get(query + "&page=2");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("page=2", first, StringComparison.Ordinal);
        var onFirst = ServiceLinks().Matches(first).Select(m => m.Value).ToHashSet();
        var onSecond = ServiceLinks().Matches(second).Select(m => m.Value).ToList();
        Assert.NotEmpty(onSecond);
        Assert.DoesNotContain(onSecond, onFirst.Contains);
    }

    [GeneratedRegex("<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex JsonLd();

    [GeneratedRegex("<h3><a href=\"/services/[^\"]+\"")]
    private static partial Regex ServiceLinks();

    [GeneratedRegex("<li><a href=\"/life-events/")]
    private static partial Regex LifeEventLinks();
}
