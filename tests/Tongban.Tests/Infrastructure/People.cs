using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using Tongban.Platform.Data;
using Tongban.Platform.Sms;
using Tongban.Residents;
using Tongban.Staff.Demo;

namespace Tongban.Tests.Infrastructure;

/// <summary>Residents and staff signed in the way people do it: through the pages, with the SMS or the authenticator code.</summary>
public static partial class People
{
    private static int _nextNumber = 5000;

    /// <summary>A fresh mainland mobile number, so that no two tests share a resident or a rate limit.</summary>
    public static string NewMobile() => $"137{Interlocked.Increment(ref _nextNumber):D8}";

    /// <summary>Signs in on a new device, or again on <paramref name="browser"/> keeping its other cookies.</summary>
    public static async Task<FormClient> SignInResident(TongbanAppWithClock app, string mobile, string language = "en", FormClient? browser = null)
    {
        // One code per number per minute: a second sign-in of the same person waits for the next minute.
        app.Time.Advance(TimeSpan.FromSeconds(61));
        browser ??= new FormClient(app, language);
        var (_, askHtml, codePage) = await browser.Submit("/sign-in", new Dictionary<string, string> { ["mobile"] = mobile });
        Assert.True(codePage is not null, System.Text.RegularExpressions.Regex.Match(askHtml, "error-message\">[^<]*").Value);
        var inbox = app.Services.GetRequiredService<DevelopmentSmsInbox>(); // newest first
        var code = CodeIn(inbox.Messages.First(m => m.To == "+86" + mobile).Text);
        var (status, html, _) = await browser.Submit(codePage.OriginalString, new Dictionary<string, string> { ["code"] = code });
        Assert.True(status == HttpStatusCode.Redirect, html);
        return browser;
    }

    /// <summary>
    /// Proves the ID number on her profile the way she would online: the (development) real-name register knows her
    /// number, name and mobile, and she asks for the check. Until then clerks cannot find her by it.
    /// </summary>
    public static async Task VerifyIdNumber(TongbanApp app, FormClient her, string mobile, string idNumber, string fullName)
    {
        Assert.True(app.Services.GetRequiredService<Tongban.Residents.Identity.DevelopmentRealNameRegister>().Add(idNumber, fullName, mobile));
        var (status, html, _) = await her.Submit("/me/verify", new Dictionary<string, string>());
        Assert.True(status == HttpStatusCode.Redirect, html);
    }

    private static int _nextIdSequence = 100;

    /// <summary>A valid resident ID number (Futian, with its check character) nobody in this run has yet, for someone born on <paramref name="born"/>.</summary>
    public static string IdNumberBornOn(DateOnly born)
    {
        var body = $"440304{born:yyyyMMdd}{Interlocked.Increment(ref _nextIdSequence) % 1000:D3}";
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        return body + "10X98765432"[body.Select((c, i) => (c - '0') * weights[i]).Sum() % 11];
    }

    public static async Task<FormClient> SignInStaff(TongbanAppWithClock app, string userName, string language = "en")
    {
        // A TOTP code works once: each sign-in of the same account needs the next 30-second step.
        app.Time.Advance(TimeSpan.FromSeconds(30));
        var browser = new FormClient(app, language);
        var (status, html, location) = await browser.Submit("/staff/sign-in", new Dictionary<string, string> { ["username"] = userName, ["password"] = DemoStaff.Password });
        Assert.True(status == HttpStatusCode.Redirect, html);
        Assert.StartsWith("/staff/sign-in/code", location!.OriginalString, StringComparison.Ordinal);
        (status, html, location) = await browser.Submit("/staff/sign-in/code", new Dictionary<string, string> { ["code"] = TotpNow(app, userName) });
        Assert.True(status == HttpStatusCode.Redirect, html);
        Assert.Equal("/staff", location!.OriginalString);
        return browser;
    }

    public static string TotpNow(TongbanAppWithClock app, string userName) =>
        new Totp(Base32Encoding.ToBytes(DemoStaff.Accounts.Single(a => a.UserName == userName).TotpSecret)).ComputeTotp(app.Time.GetUtcNow().UtcDateTime);

    public static async Task<Resident> Resident(TongbanApp app, string mobile)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Residents.AsNoTracking()
            .SingleAsync(r => r.MobileNumber == "+86" + mobile, TestContext.Current.CancellationToken);
    }

    /// <summary>The six-digit code in a text message.</summary>
    public static string CodeIn(string text) => SixDigits().Match(text).Value;

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();

    /// <summary>The Civil Affairs case officer takes <paramref name="act"/> on a case from her workbench page, as she would in the office.</summary>
    public static async Task OfficerActs(TongbanAppWithClock app, string reference, Tongban.Cases.Log.CaseActionKind act, Dictionary<string, string>? fields = null)
    {
        var officer = await SignInStaff(app, "officer.civil");
        var form = new Dictionary<string, string>(fields ?? []) { ["Act"] = act.ToString() };
        var (status, html, _) = await officer.Submit($"/staff/cases/{reference}", form);
        Assert.True(status == System.Net.HttpStatusCode.Redirect, html);
    }
}
