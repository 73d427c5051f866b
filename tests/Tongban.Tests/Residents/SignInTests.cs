using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Platform.Data;
using Tongban.Platform.Sms;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Residents;

public sealed partial class SignInTests(TongbanAppWithClock app) : IClassFixture<TongbanAppWithClock>
{
    private static int _nextNumber = 1000;

    /// <summary>A fresh mobile number per test, so that rate limits of one test never touch another.</summary>
    private static string NewMobile() => $"139{Interlocked.Increment(ref _nextNumber):D8}";

    private string LastCodeSentTo(string mobile)
    {
        var inbox = app.Services.GetRequiredService<DevelopmentSmsInbox>();
        var message = inbox.Messages.First(m => m.To == "+86" + mobile);
        return SixDigits().Match(message.Text).Value;
    }

    private static async Task<Uri> AskForCode(FormClient browser, string mobile)
    {
        var (status, html, location) = await browser.Submit("/sign-in", new Dictionary<string, string> { ["mobile"] = mobile });
        Assert.True(status == HttpStatusCode.Redirect, html);
        Assert.StartsWith("/sign-in/code?challenge=", location!.OriginalString, StringComparison.Ordinal);
        return location;
    }

    [Fact]
    public async Task SignIn_WithTheCodeFromTheTextMessage_SignsTheResidentIn()
    {
        var browser = new FormClient(app);
        var mobile = NewMobile();
        var codePage = await AskForCode(browser, $"{mobile[..3]} {mobile[3..7]} {mobile[7..]}");

        var (status, _, location) = await browser.Submit(codePage.OriginalString, new Dictionary<string, string> { ["code"] = LastCodeSentTo(mobile) });

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal("/me", location?.OriginalString);
        var (meStatus, me, _) = await browser.Get("/me");
        Assert.Equal(HttpStatusCode.OK, meStatus);
        Assert.Contains($"{mobile[..3]}****{mobile[7..]}", me, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Me_WhenNotSignedIn_SendsToSignIn()
    {
        var (status, _, location) = await new FormClient(app).Get("/me");

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.StartsWith("/sign-in", location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongCodes_CountDown_AndTheFifthEndsTheCode_EvenForTheRightOne()
    {
        var browser = new FormClient(app);
        var mobile = NewMobile();
        var codePage = await AskForCode(browser, mobile);
        var right = LastCodeSentTo(mobile);
        var wrong = right == "000000" ? "111111" : "000000";

        for (var tries = 4; tries >= 1; tries--)
        {
            var (_, html, _) = await browser.Submit(codePage.OriginalString, new Dictionary<string, string> { ["code"] = wrong });
            Assert.Contains($"You have {tries} tries left.", html, StringComparison.Ordinal);
            Assert.Contains($"value=\"{wrong}\"", html, StringComparison.Ordinal);
        }

        var (_, fifth, _) = await browser.Submit(codePage.OriginalString, new Dictionary<string, string> { ["code"] = wrong });
        Assert.Contains("Too many wrong codes", fifth, StringComparison.Ordinal);
        var (status, afterwards, _) = await browser.Submit(codePage.OriginalString, new Dictionary<string, string> { ["code"] = right });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Too many wrong codes", afterwards, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACodeOlderThanFiveMinutes_IsRefused()
    {
        var browser = new FormClient(app);
        var mobile = NewMobile();
        var codePage = await AskForCode(browser, mobile);
        app.Time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        var (_, html, _) = await browser.Submit(codePage.OriginalString, new Dictionary<string, string> { ["code"] = LastCodeSentTo(mobile) });

        Assert.Contains("This code has expired or was already used", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/sign-in?returnUrl=", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AUsedCode_CannotBeReplayed()
    {
        var mobile = NewMobile();
        var first = new FormClient(app);
        var codePage = await AskForCode(first, mobile);
        var code = LastCodeSentTo(mobile);
        await first.Submit(codePage.OriginalString, new Dictionary<string, string> { ["code"] = code });

        var attacker = new FormClient(app);
        var (status, html, _) = await attacker.Submit(codePage.OriginalString, new Dictionary<string, string> { ["code"] = code });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("This code has expired or was already used", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await attacker.Get("/me")).Status);
    }

    [Fact]
    public async Task ANewCode_ReplacesTheOldOne()
    {
        var browser = new FormClient(app);
        var mobile = NewMobile();
        var oldPage = await AskForCode(browser, mobile);
        var oldCode = LastCodeSentTo(mobile);
        app.Time.Advance(TimeSpan.FromSeconds(61));
        await AskForCode(browser, mobile);

        var (_, html, _) = await browser.Submit(oldPage.OriginalString, new Dictionary<string, string> { ["code"] = oldCode });

        Assert.Contains("This code has expired or was already used", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("123")]
    [InlineData("not a number")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("+1 202 555 0100")]
    [InlineData("010 6512 3456")]
    [InlineData("1380013800013800138000138001380013800")]
    public async Task NotAMobileNumber_GetsAClearMessage_AndKeepsWhatWasTyped(string typed)
    {
        var (status, html, _) = await new FormClient(app).Submit("/sign-in", new Dictionary<string, string> { ["mobile"] = typed });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Enter a mainland China mobile number", html, StringComparison.Ordinal);
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        if (typed.Length > 0 && typed.Length <= 32)
        {
            Assert.Contains($"value=\"{System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All).Encode(typed)}\"", html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("+86 {0}")]
    [InlineData("0086-{0}")]
    [InlineData("{0}")]
    public async Task MobileNumbers_AreAcceptedHoweverTheyAreWritten(string format)
    {
        var mobile = NewMobile();

        await AskForCode(new FormClient(app), string.Format(System.Globalization.CultureInfo.InvariantCulture, format, mobile));

        Assert.Matches("^[0-9]{6}$", LastCodeSentTo(mobile));
    }

    [Fact]
    public async Task FullWidthDigits_FromAChineseKeyboard_AreAccepted()
    {
        var mobile = NewMobile();
        var fullWidth = new string(mobile.Select(c => (char)('０' + (c - '0'))).ToArray());

        await AskForCode(new FormClient(app), fullWidth);

        Assert.Matches("^[0-9]{6}$", LastCodeSentTo(mobile));
    }

    [Fact]
    public async Task KnownAndUnknownNumbers_GetTheSameAnswer()
    {
        var known = NewMobile();
        var browser = new FormClient(app);
        await browser.Submit((await AskForCode(browser, known)).OriginalString, new Dictionary<string, string> { ["code"] = LastCodeSentTo(known) });
        app.Time.Advance(TimeSpan.FromSeconds(61));

        var (knownStatus, _, knownLocation) = await new FormClient(app).Submit("/sign-in", new Dictionary<string, string> { ["mobile"] = known });
        var (unknownStatus, _, unknownLocation) = await new FormClient(app).Submit("/sign-in", new Dictionary<string, string> { ["mobile"] = NewMobile() });

        Assert.Equal(knownStatus, unknownStatus);
        Assert.Equal(knownLocation!.OriginalString.Split('?')[0], unknownLocation!.OriginalString.Split('?')[0]);
    }

    [Fact]
    public async Task MoreThanFiveCodesAnHour_ForOneNumber_AreRefused()
    {
        var mobile = NewMobile();
        for (var i = 0; i < 5; i++)
        {
            await AskForCode(new FormClient(app), mobile);
            app.Time.Advance(TimeSpan.FromSeconds(61));
        }

        var (status, html, _) = await new FormClient(app).Submit("/sign-in", new Dictionary<string, string> { ["mobile"] = mobile });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Too many codes were asked for", html, StringComparison.Ordinal);
        app.Time.Advance(TimeSpan.FromHours(1));
        await AskForCode(new FormClient(app), mobile);
    }

    [Fact]
    public async Task ASecondCodeWithinAMinute_IsRefused()
    {
        var mobile = NewMobile();
        await AskForCode(new FormClient(app), mobile);

        var (_, html, _) = await new FormClient(app).Submit("/sign-in", new Dictionary<string, string> { ["mobile"] = mobile });

        Assert.Contains("less than a minute ago", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostingWithoutTheAntiforgeryToken_IsRefused()
    {
        var (status, _, _) = await new FormClient(app).Post("/sign-in", new Dictionary<string, string> { ["mobile"] = NewMobile() });

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        var browser = new FormClient(app);
        var mobile = NewMobile();
        await browser.Submit((await AskForCode(browser, mobile)).OriginalString, new Dictionary<string, string> { ["code"] = LastCodeSentTo(mobile) });

        var (status, _, _) = await browser.Submit("/me", new Dictionary<string, string>(), action: "/sign-out");

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Get("/me")).Status);
    }

    [Fact]
    public async Task DataProtectionKeys_AreKeptInTheDatabase_ForEveryNode()
    {
        await AskForCode(new FormClient(app), NewMobile());

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.True(await db.DataProtectionKeys.AnyAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task DevelopmentInbox_ShowsTheMessages()
    {
        var mobile = NewMobile();
        await AskForCode(new FormClient(app), mobile);

        var (status, html, _) = await new FormClient(app).Get("/dev/sms");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(mobile, html, StringComparison.Ordinal);

        // In the city's time, as every other page shows it, not UTC.
        var city = Tongban.Platform.Calendar.CityTime.Local(app.Time.GetUtcNow().UtcDateTime);
        Assert.Contains($"{city:yyyy-MM-dd HH:mm}", html, StringComparison.Ordinal);
        Assert.Contains("(city time)", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("[0-9]{6}")]
    private static partial Regex SixDigits();
}
