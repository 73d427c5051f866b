using System.Net;
using Tongban.Platform.Localization;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Catalogue.Pages;

public sealed class ServiceListTests(TongbanApp app) : IClassFixture<TongbanApp>
{
    private async Task<(HttpStatusCode Status, string Html)> Get(string url, string language = "zh-CN")
    {
        var (status, html, _) = await new FormClient(app, language).Get(url);
        return (status, html);
    }

    [Fact]
    public async Task Get_WithoutLanguagePreference_ListsDepartmentsAndServicesInChinese()
    {
        var (status, html) = await Get("/services");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("深圳市民政局", html, StringComparison.Ordinal);
        Assert.Contains("高龄老人津贴", html, StringComparison.Ordinal);
        Assert.Contains("承诺时限：20 个工作日", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Allowance for people aged 80 and over", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_WithEnglishAcceptLanguage_ListsDepartmentsAndServicesInEnglish()
    {
        var (status, html) = await Get("/services", "en-GB,en;q=0.9");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("Shenzhen Civil Affairs Bureau", html, StringComparison.Ordinal);
        Assert.Contains("Allowance for people aged 80 and over", html, StringComparison.Ordinal);
        Assert.Contains("Time limit: 20 working days", html, StringComparison.Ordinal);
        Assert.Contains("At a counter", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LanguageSwitch_RemembersTheChoice_OverTheBrowserLanguage()
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        using var switched = await client.GetAsync(new Uri("/language/en?returnUrl=%2Fservices", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/services", switched.Headers.Location?.OriginalString);
        Assert.Contains(switched.Headers.GetValues("Set-Cookie"), c => c.StartsWith(LocalizationSetup.CookieName, StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/services");
        request.Headers.Add("Accept-Language", "zh-CN");
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task LanguageSwitch_WithAForeignReturnUrl_StaysOnTheSite(string returnUrl)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri("/language/en?returnUrl=" + Uri.EscapeDataString(returnUrl), UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Get_ChineseTextIsSentAsText_NotAsEntities()
    {
        var (_, html) = await Get("/services");

        Assert.DoesNotContain("&#x", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_UnknownPage_ShowsAHelpfulNotFoundPageInTheVisitorsLanguage()
    {
        var (status, html) = await Get("/no-such-page", "en");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("Page not found", html, StringComparison.Ordinal);
        Assert.Contains("12345", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_WhenTheDatabaseIsReachable_IsHealthy(string url)
    {
        var (status, body) = await Get(url);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body);
    }
}
