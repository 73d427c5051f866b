using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Platform.Data;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Residents;

public sealed partial class DelegationTests(TongbanAppWithClock app) : IClassFixture<TongbanAppWithClock>
{
    /// <summary>A mother who lets her son act for her, and the son, both signed in on their own phones.</summary>
    private sealed record Family(FormClient Mother, string MotherMobile, FormClient Son, string SonMobile, Guid DelegationId);

    private DateOnly Today => DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime.AddHours(8));

    private static Dictionary<string, string> Grant(string proxy, DateOnly until, string scope = "all", params string[] services)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.Proxy"] = proxy,
            ["Input.ProxyName"] = "儿子 小伟",
            ["Input.Scope"] = scope,
            ["Input.UntilDay"] = until.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.UntilMonth"] = until.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.UntilYear"] = until.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        for (var i = 0; i < services.Length; i++)
        {
            form[$"Input.Services[{i}]"] = services[i];
        }

        return form;
    }

    private async Task<Family> Delegate(string scope = "all", bool accept = true, params string[] services)
    {
        var (motherMobile, sonMobile) = (People.NewMobile(), People.NewMobile());
        var mother = await People.SignInResident(app, motherMobile);
        await mother.Submit("/me/profile", new Dictionary<string, string> { ["Input.FullName"] = "王秀英", ["Input.ContactChannel"] = "Sms" });
        var son = await People.SignInResident(app, sonMobile);
        var (status, html, _) = await mother.Submit("/me/delegations/new", Grant(sonMobile, Today.AddYears(1), scope, services));
        Assert.True(status == HttpStatusCode.Redirect, html);
        var (_, list, _) = await son.Get("/me/delegations");
        var id = Guid.Parse(DelegationId().Match(list).Groups[1].Value);
        if (accept)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await son.Submit("/me/delegations", new Dictionary<string, string> { ["id"] = id.ToString() }, "/me/delegations?handler=accept")).Status);
        }

        return new(mother, motherMobile, son, sonMobile, id);
    }

    private static Task<(HttpStatusCode Status, string Html, Uri? Location)> ActFor(FormClient proxy, Guid delegationId) =>
        proxy.Submit("/me", new Dictionary<string, string> { ["delegation"] = delegationId.ToString() }, "/me/acting-for");

    [Fact]
    public async Task TheProxy_AcceptsAndActsFor_AndEveryPageSaysForWhom()
    {
        var family = await Delegate();

        var (status, _, _) = await ActFor(family.Son, family.DelegationId);
        var (_, me, _) = await family.Son.Get("/me");
        var (_, home, _) = await family.Son.Get("/services");

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Contains("Account of 王秀英", me, StringComparison.Ordinal);
        Assert.Contains("You are acting for 王秀英", me, StringComparison.Ordinal);
        Assert.Contains("You are acting for 王秀英", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhatTheProxyDoes_ShowsOnTheGrantorsActivity_InAnIntactChain()
    {
        var family = await Delegate();
        await ActFor(family.Son, family.DelegationId);
        await family.Son.Get("/me");
        var (_, beforePublishing, _) = await family.Mother.Get("/me/activity");
        await app.AnchorAuditTrail();

        var (_, activity, _) = await family.Mother.Get("/me/activity");

        Assert.Contains("whole so far", beforePublishing, StringComparison.Ordinal);
        Assert.Contains("Accepted your permission to act for you", activity, StringComparison.Ordinal);
        Assert.Contains("Saw your details", activity, StringComparison.Ordinal);
        Assert.Contains("儿子 小伟", activity, StringComparison.Ordinal);
        Assert.Contains("Checked just now: intact.", activity, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARevokedDelegation_StopsWorkingOnTheVeryNextRequest()
    {
        var family = await Delegate();
        await ActFor(family.Son, family.DelegationId);
        Assert.Equal(HttpStatusCode.OK, (await family.Son.Get("/me")).Status);

        await family.Mother.Submit("/me/delegations", new Dictionary<string, string> { ["id"] = family.DelegationId.ToString() }, "/me/delegations?handler=revoke");
        var (_, me, _) = await family.Son.Get("/me");

        Assert.Contains("Your permission to act for 王秀英 has ended", me, StringComparison.Ordinal);
        Assert.Contains("My account", me, StringComparison.Ordinal);
        Assert.DoesNotContain("Account of 王秀英", me, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExpiredDelegation_StopsWorking_AtMidnightChinaTime()
    {
        var family = await Delegate();
        await ActFor(family.Son, family.DelegationId);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Delegations.Where(d => d.Id == family.DelegationId).ExecuteUpdateAsync(u => u.SetProperty(d => d.ValidUntil, Today), TestContext.Current.CancellationToken);
        }

        // Late that evening (a new sign-in: the old one timed out meanwhile), it still works…
        var midnight = Today.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-8);
        app.Time.Advance(midnight - TimeSpan.FromMinutes(5) - app.Time.GetUtcNow().UtcDateTime);
        await People.SignInResident(app, family.SonMobile, browser: family.Son);
        Assert.Contains("Account of 王秀英", (await family.Son.Get("/me")).Html, StringComparison.Ordinal);

        // …and from midnight in China it does not.
        app.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Contains("has ended", (await family.Son.Get("/me")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProxyForListedServices_CannotSeeTheProfile()
    {
        var family = await Delegate("listed", true, "basic-pension-claim");
        await ActFor(family.Son, family.DelegationId);

        // Not her profile: her account, for him, is her applications within the permission.
        var (status, html, location) = await family.Son.Get("/me");
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal("/me/applications", location!.OriginalString);
        Assert.DoesNotContain("王秀英", html, StringComparison.Ordinal);
        Assert.DoesNotContain(family.MotherMobile, (await family.Son.Get("/me/applications")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProxy_CannotChangeTheProfile_OrSeeTheActivity()
    {
        var family = await Delegate();
        await ActFor(family.Son, family.DelegationId);

        Assert.Equal(HttpStatusCode.Forbidden, (await family.Son.Get("/me/profile")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await family.Son.Submit("/me/delegations", new Dictionary<string, string> { ["Input.FullName"] = "Changed" }, "/me/profile")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await family.Son.Get("/me/activity")).Status);
        Assert.Equal("王秀英", (await People.Resident(app, family.MotherMobile)).FullName);
    }

    [Fact]
    public async Task AnInvitationNotYetAccepted_GivesNoAccess()
    {
        var family = await Delegate(accept: false);

        Assert.Equal(HttpStatusCode.Forbidden, (await ActFor(family.Son, family.DelegationId)).Status);
    }

    [Fact]
    public async Task SomeoneElse_CannotAccept_RevokeOrUseTheDelegation_ByItsId()
    {
        var family = await Delegate(accept: false);
        var stranger = await People.SignInResident(app, People.NewMobile());
        var id = new Dictionary<string, string> { ["id"] = family.DelegationId.ToString() };

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Submit("/me", id, "/me/delegations?handler=accept")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Submit("/me", id, "/me/delegations?handler=revoke")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await ActFor(stranger, family.DelegationId)).Status);
        await using var scope = app.Scope();
        var delegation = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Delegations.SingleAsync(d => d.Id == family.DelegationId, TestContext.Current.CancellationToken);
        Assert.Null(delegation.ProxyId);
        Assert.Null(delegation.RevokedAt);
    }

    [Fact]
    public async Task TheProxy_CanEndItToo()
    {
        var family = await Delegate();

        await family.Son.Submit("/me/delegations", new Dictionary<string, string> { ["id"] = family.DelegationId.ToString() }, "/me/delegations?handler=revoke");

        Assert.Equal(HttpStatusCode.Forbidden, (await ActFor(family.Son, family.DelegationId)).Status);
        Assert.Contains("Ended your permission to act for you", (await family.Mother.Get("/me/activity")).Html, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BadGrants => new()
    {
        { "Input.Proxy", "12345" },
        { "Input.Proxy", "440304195603270024" },
        { "Input.ProxyName", "<img src=x onerror=alert(1)>" },
        { "Input.ProxyName", "" },
        { "Input.Scope", "" },
        { "Input.UntilYear", "1999" },
        { "Input.UntilDay", "32" },
    };

    [Theory]
    [MemberData(nameof(BadGrants))]
    public async Task BadGrants_AreRefused_AndTheFormKeepsWhatWasTyped(string field, string value)
    {
        var mother = await People.SignInResident(app, People.NewMobile());
        var form = Grant("139 0000 1111", Today.AddMonths(6));
        form[field] = value;

        var (status, html, _) = await mother.Submit("/me/delegations/new", form);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains(field == "Input.Proxy" ? "儿子 小伟" : "139 0000 1111", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GrantingToOneself_IsRefused()
    {
        var mobile = People.NewMobile();
        var mother = await People.SignInResident(app, mobile);

        var (_, html, _) = await mother.Submit("/me/delegations/new", Grant(mobile, Today.AddMonths(1)));

        Assert.Contains("That is your own number", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"id\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex DelegationId();
}
