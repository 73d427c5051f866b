using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Platform.Data;
using Tongban.Staff;
using Tongban.Staff.Demo;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Staff;

public sealed class StaffSignInTests(TongbanAppWithClock app) : IClassFixture<TongbanAppWithClock>
{
    private static Dictionary<string, string> Password(string userName, string password) => new() { ["username"] = userName, ["password"] = password };

    [Fact]
    public async Task DemoCity_HasAnAccountForEveryRole_WithAHashedPassword()
    {
        await using var scope = app.Scope();
        var staff = await scope.ServiceProvider.GetRequiredService<AppDbContext>().StaffMembers.ToListAsync(TestContext.Current.CancellationToken);

        Assert.All(Enum.GetValues<StaffRole>(), role => Assert.Contains(staff, s => s.Role == role));
        Assert.All(staff, s => Assert.DoesNotContain(DemoStaff.Password, s.PasswordHash, StringComparison.Ordinal));
        Assert.All(staff.Where(s => s.Role is StaffRole.CaseOfficer or StaffRole.DepartmentHead), s => Assert.NotNull(s.DepartmentCode));
        Assert.All(staff.Where(s => s.Role is StaffRole.CounterClerk), s => Assert.NotNull(s.HallCode));
    }

    [Fact]
    public async Task PasswordThenTotp_SignsIn_AndTheWorkbenchShowsRoleAndPlace()
    {
        var browser = await People.SignInStaff(app, "clerk.futian");

        var (status, html, _) = await browser.Get("/staff");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("陈晓雯", html, StringComparison.Ordinal);
        Assert.Contains("Counter clerk", html, StringComparison.Ordinal);
        Assert.Contains("Futian", html, StringComparison.Ordinal);
        Assert.Contains("/staff/assist", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PasswordAlone_DoesNotOpenTheWorkbench()
    {
        var browser = new FormClient(app);
        await browser.Submit("/staff/sign-in", Password("officer.hr", DemoStaff.Password));

        var (status, _, location) = await browser.Get("/staff");

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.StartsWith("/staff/sign-in", location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCodePage_WithoutTheRightPasswordFirst_SendsBackToSignIn()
    {
        var (status, _, location) = await new FormClient(app).Get("/staff/sign-in/code");

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal("/staff/sign-in", location!.OriginalString);
    }

    [Fact]
    public async Task UnknownUser_AndWrongPassword_GetTheSameAnswer_AndKeepTheUsername()
    {
        var (_, unknown, _) = await new FormClient(app).Submit("/staff/sign-in", Password("nobody.here", "whatever"));
        var (_, wrong, _) = await new FormClient(app).Submit("/staff/sign-in", Password("analyst", "not-the-password"));

        Assert.Contains("The username or password is not right.", unknown, StringComparison.Ordinal);
        Assert.Contains("The username or password is not right.", wrong, StringComparison.Ordinal);
        Assert.Contains("value=\"analyst\"", wrong, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", wrong, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiveWrongTries_LockTheAccount_EvenAgainstTheRightPassword_ForFifteenMinutes()
    {
        for (var i = 0; i < StaffMember.MaxFailedSignIns; i++)
        {
            await new FormClient(app).Submit("/staff/sign-in", Password("head.hr", $"wrong-{i}"));
        }

        var (_, locked, _) = await new FormClient(app).Submit("/staff/sign-in", Password("head.hr", DemoStaff.Password));
        Assert.Contains("locked for 15 minutes", locked, StringComparison.Ordinal);

        app.Time.Advance(StaffMember.LockoutDuration);
        await People.SignInStaff(app, "head.hr");
    }

    [Fact]
    public async Task ATotpCode_WorksOnlyOnce()
    {
        await People.SignInStaff(app, "officer.civil");
        var replay = new FormClient(app);
        await replay.Submit("/staff/sign-in", Password("officer.civil", DemoStaff.Password));

        var (_, html, _) = await replay.Submit("/staff/sign-in/code", new Dictionary<string, string> { ["code"] = People.TotpNow(app, "officer.civil") });

        Assert.Contains("This code was already used", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongTotpCode_IsRefused_WithAMessage()
    {
        var browser = new FormClient(app, "zh-CN");
        await browser.Submit("/staff/sign-in", Password("operator", DemoStaff.Password));
        var right = People.TotpNow(app, "operator");

        var (_, html, _) = await browser.Submit("/staff/sign-in/code", new Dictionary<string, string> { ["code"] = right == "000000" ? "111111" : "000000" });

        Assert.Contains("验证码不正确", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AResidentCookie_DoesNotOpenTheWorkbench()
    {
        var resident = await People.SignInResident(app, People.NewMobile());

        var (status, _, location) = await resident.Get("/staff");

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.StartsWith("/staff/sign-in", location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOutEverywhere_EndsTheSessionOnOtherDevices()
    {
        var phone = await People.SignInStaff(app, "agent.12345");
        var desk = await People.SignInStaff(app, "agent.12345");

        await desk.Submit("/staff", new Dictionary<string, string> { ["everywhere"] = "true" }, action: "/staff/sign-out");

        Assert.Equal(HttpStatusCode.Redirect, (await phone.Get("/staff")).Status);
        Assert.Equal(HttpStatusCode.OK, (await (await People.SignInStaff(app, "agent.12345")).Get("/staff")).Status);
    }

    [Fact]
    public async Task DemoCodesPage_ShowsEveryDemoAccount_InDevelopment()
    {
        var (status, html, _) = await new FormClient(app).Get("/dev/staff-codes");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.All(DemoStaff.Accounts, a => Assert.Contains(a.UserName, html, StringComparison.Ordinal));
    }
}
