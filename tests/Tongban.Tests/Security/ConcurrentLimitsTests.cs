using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Platform.Data;
using Tongban.Staff.Demo;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Security;

/// <summary>Every limit holds when a hundred requests arrive at once, on both databases: counted and taken in one step.</summary>
public sealed class ConcurrentLimitsTests(TongbanAppWithClock app) : IClassFixture<TongbanAppWithClock>
{
    private const string NotRight = "The username or password is not right.";
    private const string Locked = "this account is locked for 15 minutes";

    private async Task<int> CodesSent(Func<Tongban.Residents.SignIn.SignInCode, bool> which)
    {
        await using var scope = app.Scope();
        return (await scope.ServiceProvider.GetRequiredService<AppDbContext>().SignInCodes.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken)).Count(which);
    }

    [Fact]
    public async Task AHundredCodeRequestsFromOneAddress_SendNoMoreThanItsLimit()
    {
        var device = new FormClient(app);
        var numbers = Enumerable.Range(0, 100).Select(_ => People.NewMobile()).ToList();
        // One antiforgery cookie for the whole burst, as one browser has (a hundred first visits at once would each get their own).
        await device.Get("/sign-in");

        await Task.WhenAll(numbers.Select(n => device.Submit("/sign-in", new Dictionary<string, string> { ["mobile"] = n })));

        Assert.Equal(Tongban.Residents.SignIn.RequestSignInCode.MaxPerAddressPerHour, await CodesSent(c => numbers.Contains(c.MobileNumber[3..])));
    }

    [Fact]
    public async Task AHundredCodeRequestsForOneNumber_SendOne()
    {
        var mobile = People.NewMobile();

        await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => new FormClient(app).Submit("/sign-in", new Dictionary<string, string> { ["mobile"] = mobile })));

        // One a minute and five an hour: at one instant, exactly one.
        Assert.Equal(1, await CodesSent(c => c.MobileNumber == "+86" + mobile));
    }

    [Fact]
    public async Task FortyWrongPasswordsAtOnce_GetFiveJudged_AndThenTheRightOneIsRefused()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            new FormClient(app).Submit("/staff/sign-in", new Dictionary<string, string> { ["username"] = "officer2.civil", ["password"] = $"wrong-{i}" })));

        // Four answered "not right", the fifth locked it; the other 35 were never judged.
        Assert.Equal(4, answers.Count(a => a.Html.Contains(NotRight, StringComparison.Ordinal)));
        Assert.Equal(36, answers.Count(a => a.Html.Contains(Locked, StringComparison.Ordinal)));
        var (_, right, _) = await new FormClient(app).Submit("/staff/sign-in", new Dictionary<string, string> { ["username"] = "officer2.civil", ["password"] = DemoStaff.Password });
        Assert.Contains(Locked, right, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EightyWrongTotpCodesAtOnce_GetFiveJudged()
    {
        var browser = new FormClient(app);
        await browser.Submit("/staff/sign-in", new Dictionary<string, string> { ["username"] = "clerk.nanshan", ["password"] = DemoStaff.Password });
        var right = People.TotpNow(app, "clerk.nanshan");

        var answers = await Task.WhenAll(Enumerable.Range(0, 80).Select(i =>
            browser.Submit("/staff/sign-in/code", new Dictionary<string, string> { ["code"] = (100000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture) == right ? "999999" : (100000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture) })));

        Assert.Equal(4, answers.Count(a => a.Html.Contains("That code is not right", StringComparison.Ordinal)));
        app.Time.Advance(TimeSpan.FromMinutes(16));
    }

    [Fact]
    public async Task AnUnknownUsername_LocksExactlyLikeAKnownOne()
    {
        async Task<List<string>> SixTries(string userName)
        {
            var answers = new List<string>();
            for (var i = 0; i < 6; i++)
            {
                var (_, html, _) = await new FormClient(app).Submit("/staff/sign-in", new Dictionary<string, string> { ["username"] = userName, ["password"] = $"guess-{i}" });
                answers.Add(html.Contains(Locked, StringComparison.Ordinal) ? "locked" : html.Contains(NotRight, StringComparison.Ordinal) ? "not right" : "other");
            }

            return answers;
        }

        var known = await SixTries("head.civil");
        var unknown = await SixTries("nobody.at.all");

        Assert.Equal(["not right", "not right", "not right", "not right", "locked", "locked"], known);
        Assert.Equal(known, unknown);
    }
}
