using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Platform.Data;
using Tongban.Platform.Sms;
using Tongban.Residents;
using Tongban.Residents.Identity;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Residents.Identity;

/// <summary>An ID number typed on a profile grants nothing until it is proven: the attacks that worked before this, and the proofs that now count.</summary>
public sealed partial class ProvenIdentityTests(TongbanAppWithClock app) : IClassFixture<TongbanAppWithClock>
{
    private static readonly Dictionary<string, string> NoFields = [];

    private DateOnly Today => DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime.AddHours(8));

    private static Dictionary<string, string> Profile(string name, string idNumber) =>
        new() { ["Input.FullName"] = name, ["Input.IdNumber"] = idNumber, ["Input.ContactChannel"] = "Sms" };

    private Dictionary<string, string> GrantAll(string proxy) => new()
    {
        ["Input.Proxy"] = proxy,
        ["Input.ProxyName"] = "儿子 小伟",
        ["Input.Scope"] = "all",
        ["Input.UntilDay"] = "1",
        ["Input.UntilMonth"] = "1",
        ["Input.UntilYear"] = Today.AddYears(1).Year.ToString(CultureInfo.InvariantCulture),
    };

    private async Task<Resident> Stored(Guid id)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Residents.AsNoTracking().SingleAsync(r => r.Id == id, TestContext.Current.CancellationToken);
    }

    private void KnownToTheRegister(string idNumber, string name, string mobile) =>
        Assert.True(app.Services.GetRequiredService<DevelopmentRealNameRegister>().Add(idNumber, name, mobile));

    [Fact]
    public async Task AnAttackerWhoTypesTheSonsIdNumber_GetsNoDelegation_AndTheSonStillCan()
    {
        var sonId = People.IdNumberBornOn(new DateOnly(1980, 5, 5));
        var mother = await People.SignInResident(app, People.NewMobile());
        await mother.Submit("/me/profile", new Dictionary<string, string> { ["Input.FullName"] = "王秀英", ["Input.ContactChannel"] = "Sms" });
        Assert.Equal(HttpStatusCode.Redirect, (await mother.Submit("/me/delegations/new", GrantAll(sonId))).Status);

        // The attacker saves the son's number on his own profile: it is taken as a claim, not as his.
        var attackerMobile = People.NewMobile();
        var attacker = await People.SignInResident(app, attackerMobile);
        Assert.Equal(HttpStatusCode.Redirect, (await attacker.Submit("/me/profile", Profile("张伟", sonId))).Status);
        var (_, attackersList, _) = await attacker.Get("/me/delegations");
        Assert.DoesNotContain("handler=accept", attackersList, StringComparison.Ordinal);
        // The register does not hold the son's number with the attacker's phone: checking it proves nothing.
        var (_, refused, _) = await attacker.Submit("/me/verify", NoFields);
        Assert.Contains("does not hold this ID number with your name and this mobile number", refused, StringComparison.Ordinal);
        Assert.Null((await People.Resident(app, attackerMobile)).IdNumber);

        // The real son is not told his number is "bound to another account", and proves it with his own phone.
        var sonMobile = People.NewMobile();
        KnownToTheRegister(sonId, "张小伟", sonMobile);
        var son = await People.SignInResident(app, sonMobile);
        var (saved, savedHtml, _) = await son.Submit("/me/profile", Profile("张小伟", sonId));
        Assert.True(saved == HttpStatusCode.Redirect, savedHtml);
        var (_, me, _) = await son.Get("/me");
        Assert.Contains("not verified yet", me, StringComparison.Ordinal);
        var (verified, _, location) = await son.Submit("/me/verify", NoFields);
        Assert.Equal((HttpStatusCode.Redirect, "/me?verified=true"), (verified, location?.OriginalString));
        var stored = await People.Resident(app, sonMobile);
        Assert.Equal((sonId, IdNumberProof.RealNameService), (stored.IdNumber, stored.IdNumberProof));

        var (_, sonsList, _) = await son.Get("/me/delegations");
        Assert.Contains("handler=accept", sonsList, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AClerk_FindsNobodyByAnIdNumberOnlyTyped()
    {
        var idNumber = People.IdNumberBornOn(new DateOnly(1955, 2, 2));
        var someone = await People.SignInResident(app, People.NewMobile());
        await someone.Submit("/me/profile", Profile("李桂兰", idNumber));
        var clerk = await People.SignInStaff(app, "clerk.futian");

        var (status, html, _) = await clerk.Submit("/staff/assist", Assist(idNumber, "李桂兰"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Nobody is registered with this ID number yet", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHotlineAgent_CannotRegisterAnyone_SinceNoCardIsSeenOnThePhone()
    {
        var agent = await People.SignInStaff(app, "agent.12345");
        var form = Assist(People.IdNumberBornOn(new DateOnly(1950, 3, 3)), "周玉珍", check: "SecurityQuestions");
        form["Input.Register"] = "true";

        var (status, html, _) = await agent.Submit("/staff/assist", form);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Only a counter clerk who sees her ID card", html, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Assist(string idNumber, string name, string? mobile = null, string check = "IdCardReader", bool register = false)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.IdNumber"] = idNumber,
            ["Input.FullName"] = name,
            ["Input.IdentityCheck"] = check,
            ["Input.ConsentReference"] = "F-2026-000777",
            ["Input.Register"] = register ? "true" : "false",
        };
        if (mobile is not null)
        {
            form["Input.Mobile"] = mobile;
        }

        return form;
    }

    private string LastCodeTo(string mobile) =>
        SixDigits().Match(app.Services.GetRequiredService<DevelopmentSmsInbox>().Messages.First(m => m.To == "+86" + mobile).Text).Value;

    [Fact]
    public async Task AMobileNumberAClerkTyped_SignsInToNothingOfHers_UntilTheCodeIsReadBack()
    {
        var mobile = People.NewMobile();
        var clerk = await People.SignInStaff(app, "clerk.futian");
        var (status, html, location) = await clerk.Submit("/staff/assist", Assist(People.IdNumberBornOn(new DateOnly(1948, 4, 4)), "陈阿婆", mobile, register: true));
        Assert.True(status == HttpStatusCode.Redirect, html);
        var residentId = Guid.Parse(location!.OriginalString["/staff/residents/".Length..]);
        Assert.Equal((null, "+86" + mobile), ((await Stored(residentId)).MobileNumber, (await Stored(residentId)).UnconfirmedMobileNumber));

        // Whoever holds the number signs in to an account of her own, not to the one the clerk made.
        var holder = await People.SignInResident(app, mobile);
        var (_, holdersPage, _) = await holder.Get("/me");
        Assert.DoesNotContain("陈阿婆", holdersPage, StringComparison.Ordinal);
        Assert.NotEqual(residentId, (await People.Resident(app, mobile)).Id);
    }

    [Fact]
    public async Task AClerk_ConfirmsTheNumber_WhenSheReadsTheCodeBack()
    {
        var mobile = People.NewMobile();
        var clerk = await People.SignInStaff(app, "clerk.futian");
        var (_, _, location) = await clerk.Submit("/staff/assist", Assist(People.IdNumberBornOn(new DateOnly(1947, 6, 6)), "陈阿公", mobile, register: true));
        var resident = location!.OriginalString;
        var (_, page, _) = await clerk.Get(resident);
        Assert.Contains("not confirmed yet", page, StringComparison.Ordinal);

        var (_, sent, _) = await clerk.Submit($"{resident}/mobile", NoFields, $"{resident}/mobile?handler=send");
        var challenge = ChallengeField().Match(sent).Groups[1].Value;
        var (wrongStatus, wrong, _) = await clerk.Submit($"{resident}/mobile", new Dictionary<string, string> { ["challenge"] = challenge, ["code"] = "000000" == LastCodeTo(mobile) ? "111111" : "000000" });
        Assert.Equal(HttpStatusCode.OK, wrongStatus);
        Assert.Contains("That code is not right", wrong, StringComparison.Ordinal);
        var (status, html, _) = await clerk.Submit($"{resident}/mobile", new Dictionary<string, string> { ["challenge"] = challenge, ["code"] = LastCodeTo(mobile) });
        Assert.True(status == HttpStatusCode.Redirect, html);

        var id = Guid.Parse(resident["/staff/residents/".Length..]);
        Assert.Equal(("+86" + mobile, (string?)null), ((await Stored(id)).MobileNumber, (await Stored(id)).UnconfirmedMobileNumber));
        await People.SignInResident(app, mobile);
        Assert.Equal(id, (await People.Resident(app, mobile)).Id);
    }

    [Fact]
    public async Task AtTheCounter_HerOwnAccount_GetsTheCardsNumber_OnceSheReadsTheCodeFromHerPhone()
    {
        var mobile = People.NewMobile();
        var idNumber = People.IdNumberBornOn(new DateOnly(1952, 7, 7));
        var her = await People.SignInResident(app, mobile);
        await her.Submit("/me/profile", Profile("黄美玲", idNumber));
        var clerk = await People.SignInStaff(app, "clerk.futian");
        app.Time.Advance(TimeSpan.FromMinutes(1)); // one code per number per minute, and she signed in just now

        var (_, codePage, _) = await clerk.Submit("/staff/assist", Assist(idNumber, "黄美玲", mobile, register: true));
        Assert.Contains("Code she reads out from her phone", codePage, StringComparison.Ordinal);
        var form = Assist(idNumber, "黄美玲", mobile, register: true);
        form["Input.Challenge"] = ChallengeInput().Match(codePage).Groups[1].Value;
        form["Input.MobileCode"] = LastCodeTo(mobile);
        var (status, html, location) = await clerk.Submit("/staff/assist", form);
        Assert.True(status == HttpStatusCode.Redirect, html);

        var account = await People.Resident(app, mobile);
        Assert.Equal($"/staff/residents/{account.Id}", location!.OriginalString);
        Assert.Equal((idNumber, IdNumberProof.ClerkSawCard), (account.IdNumber, account.IdNumberProof));
        Assert.Equal(1, await ResidentsWith(mobile));
    }

    private async Task<int> ResidentsWith(string mobile)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Residents.CountAsync(r => r.MobileNumber == "+86" + mobile || r.UnconfirmedMobileNumber == "+86" + mobile, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ANumberProvenOnOneAccount_IsNotTakenByASecondProof_ButDisputedForAClerk()
    {
        var idNumber = People.IdNumberBornOn(new DateOnly(1970, 8, 8));
        var (first, second) = (People.NewMobile(), People.NewMobile());
        KnownToTheRegister(idNumber, "刘建国", first);
        var one = await People.SignInResident(app, first);
        await one.Submit("/me/profile", Profile("刘建国", idNumber));
        await one.Submit("/me/verify", NoFields);
        // Numbers are reissued and registers go wrong: the register now says the second phone is his.
        KnownToTheRegister(idNumber, "刘建国", second);
        var two = await People.SignInResident(app, second);
        await two.Submit("/me/profile", Profile("刘建国", idNumber));

        var (_, refused, _) = await two.Submit("/me/verify", NoFields);

        Assert.Contains("already verified on another account", refused, StringComparison.Ordinal);
        Assert.Equal(idNumber, (await People.Resident(app, first)).IdNumber);
        Assert.Null((await People.Resident(app, second)).IdNumber);
        await using var scope = app.Scope();
        var dispute = await scope.ServiceProvider.GetRequiredService<AppDbContext>().IdentityDisputes.SingleAsync(d => d.IdNumber == idNumber, TestContext.Current.CancellationToken);
        Assert.Equal(((await People.Resident(app, first)).Id, (await People.Resident(app, second)).Id), (dispute.HolderId, dispute.ClaimantId));

        // She comes to a counter with her card and the second phone: the clerk gives the number to that account.
        var clerk = await People.SignInStaff(app, "clerk.futian");
        var page = $"/staff/identity-disputes?id={dispute.Id}";
        Assert.Contains("proved it as well", (await clerk.Get(page)).Html, StringComparison.Ordinal);
        app.Time.Advance(TimeSpan.FromMinutes(1));
        var (_, sent, _) = await clerk.Submit(page, new Dictionary<string, string> { ["account"] = dispute.ClaimantId.ToString() }, $"{page}&handler=send");
        var (status, html, location) = await clerk.Submit(page, new Dictionary<string, string>
        {
            ["account"] = dispute.ClaimantId.ToString(),
            ["challenge"] = ChallengeField().Match(sent).Groups[1].Value,
            ["code"] = LastCodeTo(second),
            ["cardCheck"] = "IdCardReader",
        }, $"{page}&handler=settle");
        Assert.True(status == HttpStatusCode.Redirect, html);
        Assert.Equal("/staff/identity-disputes?settled=true", location!.OriginalString);
        Assert.Equal((null, idNumber), ((await People.Resident(app, first)).IdNumber, (await People.Resident(app, first)).ClaimedIdNumber));
        Assert.Equal((idNumber, IdNumberProof.ClerkSawCard), ((await People.Resident(app, second)).IdNumber, (await People.Resident(app, second)).IdNumberProof));
        Assert.Contains("陈晓雯", (await one.Get("/me/activity")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManyAccountsProvingOneNumberAtOnce_OneHoldsIt_TheOthersAreDisputed()
    {
        var idNumber = People.IdNumberBornOn(new DateOnly(1975, 9, 9));
        var ids = new List<Guid>();
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            for (var i = 0; i < 30; i++)
            {
                var resident = new Resident { Id = Guid.NewGuid(), CreatedAt = DateTime.UtcNow, ClaimedIdNumber = idNumber };
                db.Residents.Add(resident);
                ids.Add(resident.Id);
            }

            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var outcomes = await Task.WhenAll(ids.Select(async id =>
        {
            await using var scope = app.Scope();
            return await scope.ServiceProvider.GetRequiredService<BindProvenIdNumber>().Handle(id, idNumber, IdNumberProof.RealNameService, CancellationToken.None);
        }));

        Assert.Equal(1, outcomes.Count(o => o == BindOutcome.Bound));
        Assert.Equal(29, outcomes.Count(o => o == BindOutcome.Disputed));
    }

    [Fact]
    public async Task HerOwnECertificates_AreUsedOnlyForAProvenNumber()
    {
        var idNumber = People.IdNumberBornOn(new DateOnly(1960, 10, 10));
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.ECertificates.Add(new Tongban.Residents.Certificates.ECertificate { Id = Guid.NewGuid(), Kind = "resident-id-card", HolderIdNumber = idNumber, Number = "ID-TEST-" + idNumber[^6..], IssuedBy = "深圳市公安局", IssuedOn = new DateOnly(2020, 1, 1) });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        // Someone who only typed the number does not get what the city holds about its owner.
        var typedMobile = People.NewMobile();
        var typed = await People.SignInResident(app, typedMobile);
        await typed.Submit("/me/profile", Profile("林秋菊", idNumber));
        Assert.Null(await OwnCertificate(await People.Resident(app, typedMobile), idNumber));

        var ownerMobile = People.NewMobile();
        KnownToTheRegister(idNumber, "林秋菊", ownerMobile);
        var owner = await People.SignInResident(app, ownerMobile);
        await owner.Submit("/me/profile", Profile("林秋菊", idNumber));
        await owner.Submit("/me/verify", NoFields);
        Assert.NotNull(await OwnCertificate(await People.Resident(app, ownerMobile), idNumber));
    }

    private async Task<Tongban.Residents.Certificates.ECertificate?> OwnCertificate(Resident applicant, string answeredIdNumber)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<Tongban.Residents.Certificates.FindECertificate>()
            .OfApplicant("resident-id-card", applicant.Id, answeredIdNumber, TestContext.Current.CancellationToken);
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();

    [GeneratedRegex("name=\"challenge\" value=\"([0-9a-f-]+)\"")]
    private static partial Regex ChallengeField();

    [GeneratedRegex("name=\"Input.Challenge\" value=\"([0-9a-f-]+)\"")]
    private static partial Regex ChallengeInput();
}
