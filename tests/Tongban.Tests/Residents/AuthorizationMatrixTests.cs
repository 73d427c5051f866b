using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Platform.Data;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Residents;

/// <summary>
/// One resident, 王秀英, and everyone who might try to reach her data: each page and form that touches it
/// against each kind of person. Every cell is either allowed (her data is shown or changed) or refused
/// (403, a sign-in page, or the person's own data instead, with nothing of hers in it and nothing changed).
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.World world) : IClassFixture<AuthorizationMatrixTests.World>
{
    public const string IdNumber = "440304195603270023";
    /// <summary>Only her page shows her number as proven: others may type it on their own profiles, where it is only claimed.</summary>
    private const string Verified = "verified by the real-name register";

    public enum Who
    {
        Anonymous,
        Herself,
        ProxyValid,
        ProxyExpired,
        ProxyRevoked,
        ProxyOutOfScope,
        AnotherResident,
        ClerkHelpingHer,
        ClerkOfAnotherHall,
        HotlineAgent,
        CaseOfficerHumanResources,
        CaseOfficerCivilAffairs,
        DepartmentHeadHumanResources,
        Analyst,
        Operator,
    }

    /// <summary>The people, signed in once for the whole matrix.</summary>
    public sealed class World : TongbanAppWithClock
    {
        public Dictionary<Who, FormClient> People { get; } = [];
        public Guid HerId { get; private set; }

        /// <summary>Her application for the elderly allowance, a Civil Affairs service.</summary>
        public string CaseReference { get; private set; } = "";

        private static async Task<string> ApplyForElderlyAllowance(FormClient her)
        {
            var answers = new Dictionary<string, string>
            {
                ["applicant.residency"] = "hukou",
                ["applicant.address"] = "福田区福中三路1号",
                ["bank.accountNumber"] = "6222000011112222",
            };
            var (_, _, location) = await her.Get("/services/elderly-allowance/apply");
            while (!location!.OriginalString.EndsWith("/check", StringComparison.Ordinal))
            {
                var question = location.OriginalString[(location.OriginalString.LastIndexOf('/') + 1)..];
                (_, _, location) = await her.Submit(location.OriginalString, new Dictionary<string, string> { ["answer"] = answers[question] });
            }

            var (_, _, done) = await her.Submit(location.OriginalString, new Dictionary<string, string>());
            var draftCases = System.Text.RegularExpressions.Regex.Match((await her.Get(done!.OriginalString)).Html, "href=\"/cases/([0-9A-Z*~$=]{9})\"");
            return draftCases.Groups[1].Value;
        }

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            var herMobile = Infrastructure.People.NewMobile();
            var her = await Infrastructure.People.SignInResident(this, herMobile);
            await her.Submit("/me/profile", new Dictionary<string, string> { ["Input.FullName"] = "王秀英", ["Input.IdNumber"] = IdNumber, ["Input.ContactChannel"] = "Sms" });
            await Infrastructure.People.VerifyIdNumber(this, her, herMobile, IdNumber, "王秀英");
            HerId = (await Infrastructure.People.Resident(this, herMobile)).Id;
            CaseReference = await ApplyForElderlyAllowance(her);
            People[Who.Anonymous] = new FormClient(this);
            People[Who.Herself] = her;
            People[Who.AnotherResident] = await Infrastructure.People.SignInResident(this, Infrastructure.People.NewMobile());
            People[Who.ProxyValid] = await Proxy(her, "all");
            People[Who.ProxyOutOfScope] = await Proxy(her, "listed", "basic-pension-claim");
            People[Who.ProxyRevoked] = await Proxy(her, "all", then: async id =>
                await her.Submit("/me/delegations", new Dictionary<string, string> { ["id"] = id.ToString() }, "/me/delegations?handler=revoke"));
            People[Who.ProxyExpired] = await Proxy(her, "all", then: async id =>
            {
                // As if the last valid day has passed (moving the clock would also end every sign-in here).
                await using var scope = Scope();
                await scope.ServiceProvider.GetRequiredService<AppDbContext>().Delegations.Where(d => d.Id == id)
                    .ExecuteUpdateAsync(u => u.SetProperty(d => d.ValidUntil, new DateOnly(2020, 1, 1)));
            });
            People[Who.ClerkHelpingHer] = await Infrastructure.People.SignInStaff(this, "clerk.futian");
            var (status, _, _) = await People[Who.ClerkHelpingHer].Submit("/staff/assist", new Dictionary<string, string>
            {
                ["Input.IdNumber"] = IdNumber,
                ["Input.FullName"] = "王秀英",
                ["Input.IdentityCheck"] = "IdCardReader",
                ["Input.ConsentReference"] = "F-1",
            });
            Assert.Equal(HttpStatusCode.Redirect, status);
            People[Who.ClerkOfAnotherHall] = await Infrastructure.People.SignInStaff(this, "clerk.nanshan");
            People[Who.HotlineAgent] = await Infrastructure.People.SignInStaff(this, "agent.12345");
            People[Who.CaseOfficerHumanResources] = await Infrastructure.People.SignInStaff(this, "officer.hr");
            People[Who.CaseOfficerCivilAffairs] = await Infrastructure.People.SignInStaff(this, "officer.civil");
            People[Who.DepartmentHeadHumanResources] = await Infrastructure.People.SignInStaff(this, "head.hr");
            People[Who.Analyst] = await Infrastructure.People.SignInStaff(this, "analyst");
            People[Who.Operator] = await Infrastructure.People.SignInStaff(this, "operator");
        }

        private async Task<FormClient> Proxy(FormClient her, string scope, string? service = null, Func<Guid, Task>? then = null)
        {
            var mobile = Infrastructure.People.NewMobile();
            var proxy = await Infrastructure.People.SignInResident(this, mobile);
            var until = DateOnly.FromDateTime(Time.GetUtcNow().UtcDateTime.AddHours(8)).AddMonths(6);
            var form = new Dictionary<string, string>
            {
                ["Input.Proxy"] = mobile,
                ["Input.ProxyName"] = "家人",
                ["Input.Scope"] = scope,
                ["Input.UntilDay"] = until.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Input.UntilMonth"] = until.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Input.UntilYear"] = until.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            if (service is not null)
            {
                form["Input.Services[0]"] = service;
            }

            Assert.Equal(HttpStatusCode.Redirect, (await her.Submit("/me/delegations/new", form)).Status);
            await using var scopeForId = Scope();
            var id = await scopeForId.ServiceProvider.GetRequiredService<AppDbContext>().Delegations
                .Where(d => d.ProxyMobile == "+86" + mobile).Select(d => d.Id).SingleAsync();
            await proxy.Submit("/me/delegations", new Dictionary<string, string> { ["id"] = id.ToString() }, "/me/delegations?handler=accept");
            await proxy.Submit("/me/delegations", new Dictionary<string, string> { ["delegation"] = id.ToString() }, "/me/acting-for");
            if (then is not null)
            {
                await then(id);
            }

            return proxy;
        }
    }

    /// <summary>Each page or form, whether it reads or writes, and what on it is hers.</summary>
    public enum Where
    {
        MyAccount,
        MyProfileForm,
        MyProfileSave,
        MyActivity,
        StaffResidentPage,
        StaffProfileForm,
        StaffProfileSave,
        StaffActivity,
        CasePage,
        StaffCasePage,
    }

    private static bool ShouldBeAllowed(Where where, Who who) => where switch
    {
        Where.MyAccount => who is Who.Herself or Who.ProxyValid,
        Where.MyProfileForm or Where.MyProfileSave or Where.MyActivity => who is Who.Herself,
        Where.CasePage => who is Who.Herself or Who.ProxyValid or Who.ClerkHelpingHer,
        Where.StaffCasePage => who is Who.CaseOfficerCivilAffairs,
        _ => who is Who.ClerkHelpingHer,
    };

    public static TheoryData<Where, Who> Cells()
    {
        var cells = new TheoryData<Where, Who>();
        foreach (var where in Enum.GetValues<Where>())
        {
            foreach (var who in Enum.GetValues<Who>())
            {
                cells.Add(where, who);
            }
        }

        return cells;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task EachPersonReachesHerDataOnlyWhereTheyShould(Where where, Who who)
    {
        var browser = world.People[who];
        var her = $"/staff/residents/{world.HerId}";
        bool reached;
        HttpStatusCode status;
        if (where is Where.MyProfileSave or Where.StaffProfileSave)
        {
            var marker = $"测试路{where}{who}号";
            var tokenPage = who switch
            {
                Who.Anonymous => "/sign-in",
                >= Who.ClerkHelpingHer => "/staff",
                _ => "/me/delegations/new",
            };
            (status, _, _) = await browser.Submit(tokenPage, new Dictionary<string, string>
            {
                ["Input.FullName"] = "王秀英",
                ["Input.IdNumber"] = IdNumber,
                ["Input.ContactChannel"] = "Sms",
                ["Input.PostalAddress"] = marker,
            }, where == Where.MyProfileSave ? "/me/profile" : $"{her}/profile");
            await using var scope = world.Scope();
            var address = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Residents.Where(r => r.Id == world.HerId).Select(r => r.PostalAddress).SingleAsync(TestContext.Current.CancellationToken);
            reached = address == marker;
        }
        else
        {
            var (url, marker) = where switch
            {
                Where.MyAccount => ("/me", Verified),
                Where.MyProfileForm => ("/me/profile", Verified),
                Where.MyActivity => ("/me/activity", "Accepted your permission to act for you"),
                Where.StaffResidentPage => (her, Verified),
                Where.StaffProfileForm => ($"{her}/profile", Verified),
                Where.CasePage => ($"/cases/{world.CaseReference}", Tongban.Cases.CaseReference.Display(world.CaseReference)),
                Where.StaffCasePage => ($"/staff/cases/{world.CaseReference}", Tongban.Cases.CaseReference.Display(world.CaseReference)),
                _ => ($"{her}/activity", "Accepted your permission to act for you"),
            };
            string html;
            (status, html, _) = await browser.Get(url);
            reached = status == HttpStatusCode.OK && html.Contains(marker, StringComparison.Ordinal);
        }

        Assert.Equal(ShouldBeAllowed(where, who), reached);
        if (!reached)
        {
            Assert.True(status is HttpStatusCode.Forbidden or HttpStatusCode.Redirect or HttpStatusCode.OK or HttpStatusCode.NotFound, $"refused with {status}");
        }
    }
}
