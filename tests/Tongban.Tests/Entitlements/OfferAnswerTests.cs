using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Entitlements;
using Tongban.Platform.Audit;
using Tongban.Platform.Data;
using Tongban.Platform.Sms;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Entitlements;

/// <summary>Answering an offer: on her page, by SMS reply, or by someone acting for her; once, whichever comes first.</summary>
public sealed class OfferAnswerTests(TongbanAppWithClock app) : IClassFixture<TongbanAppWithClock>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OnHerPage_SheSeesWhy_AndAccepting_StartsTheApplicationWithWhatTheCityHolds()
    {
        var mobile = People.NewMobile();
        var browser = await People.SignInResident(app, mobile);
        var her = await CityResidents.Known(app, mobile, age: 81);
        await RunJob();

        var (status, html, _) = await browser.Get("/me/entitlements");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("You are 80 or older with Shenzhen hukou", html, StringComparison.Ordinal);
        Assert.Contains("Granted without an application", html, StringComparison.Ordinal); // the senior card
        var allowance = Assert.Single(await Offers(her.Id), o => o.ServiceCode == "elderly-allowance");

        (status, html, var location) = await browser.Submit("/me/entitlements", new Dictionary<string, string> { ["offer"] = allowance.Id.ToString(), ["choice"] = "accept" }, "/me/entitlements?handler=answer");
        Assert.True(status == HttpStatusCode.Redirect, html);
        Assert.Equal("/services/elderly-allowance/apply", location!.OriginalString);

        // The form goes on at the one question the city could not answer: which bank account.
        (_, _, location) = await browser.Get("/services/elderly-allowance/apply");
        Assert.Equal("/services/elderly-allowance/apply/bank.accountNumber", location!.OriginalString);
        Assert.Equal(OfferStatus.Accepted, Assert.Single(await Offers(her.Id), o => o.ServiceCode == "elderly-allowance").Status);

        // A second answer (a double click, an SMS after the click) changes nothing.
        (status, _, _) = await browser.Submit("/me/entitlements", new Dictionary<string, string> { ["offer"] = allowance.Id.ToString(), ["choice"] = "decline" }, "/me/entitlements?handler=answer");
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal(OfferStatus.Accepted, Assert.Single(await Offers(her.Id), o => o.ServiceCode == "elderly-allowance").Status);
    }

    [Fact]
    public async Task ByAnSmsReply_OnlyHerNumberAndHerNewestCode_Work_AndEveryReplySaysWhatHappened()
    {
        var mobile = People.NewMobile();
        var browser = await People.SignInResident(app, mobile);
        var her = await CityResidents.Known(app, mobile, age: 82);
        await RunJob();
        await app.RunDueJobs();
        var code = CodeSentTo(mobile);

        Assert.Contains("could not match", await Reply("+86" + People.NewMobile(), "1 " + code), StringComparison.Ordinal);
        Assert.Contains("code", await Reply("+86" + mobile, "yes please"), StringComparison.Ordinal);
        Assert.Contains("not right", await Reply("+86" + mobile, "1 ZZZZ2222"), StringComparison.Ordinal);
        Assert.Equal(OfferStatus.Invited, Assert.Single(await Offers(her.Id), o => o.ServiceCode == "elderly-allowance").Status);

        // Typed with a full-width digit and in lower case, from her phone: declined, and she is told so.
        Assert.Contains("will not remind you", await Reply(mobile, "２ " + code.ToLowerInvariant()), StringComparison.Ordinal);
        var offer = Assert.Single(await Offers(her.Id), o => o.ServiceCode == "elderly-allowance");
        Assert.Equal((OfferStatus.Declined, (Channel?)Channel.Proactive), (offer.Status, offer.AnsweredChannel));
        Assert.Contains("already been answered", await Reply(mobile, "1 " + code), StringComparison.Ordinal);
        Assert.Equal(OfferStatus.Declined, Assert.Single(await Offers(her.Id), o => o.ServiceCode == "elderly-allowance").Status);

        // The reply also went back to her phone.
        Assert.Contains(app.Services.GetRequiredService<DevelopmentSmsInbox>().Messages, m => m.To == "+86" + mobile && m.Text.Contains("already been answered", StringComparison.Ordinal));
        _ = browser;
    }

    [Fact]
    public async Task WhenTheCityKnowsEverythingTheFormAsks_AcceptingBySms_SendsTheApplication()
    {
        var mobile = People.NewMobile();
        await People.SignInResident(app, mobile);
        var mother = await CityResidents.Known(app, mobile, age: 30);
        // The baby is already on the city's register with her name: every question of the insurance is answered.
        var baby = await CityResidents.Add(app, age: 0);
        await CityResidents.Certificate(app, "birth-certificate", holder: baby.IdNumber!, named: mother.IdNumber, daysAgo: 5);
        await RunJob();
        await app.RunDueJobs();

        var reply = await Reply(mobile, "1 " + CodeSentTo(mobile));

        var offer = Assert.Single(await Offers(mother.Id));
        Assert.Equal(OfferStatus.Accepted, offer.Status);
        await using var scope = app.Scope();
        var sent = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Cases.AsNoTracking().SingleAsync(c => c.Id == offer.CaseId, Ct);
        Assert.Equal(("newborn-medical-insurance", Channel.Proactive), (sent.ServiceCode, sent.Channel));
        Assert.Contains(Tongban.Cases.CaseReference.Display(sent.Reference), reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenSheProvesHerIdNumber_TheCityLooksAtOnceForWhatSheIsEntitledTo()
    {
        var mobile = People.NewMobile();
        var browser = await People.SignInResident(app, mobile);
        var idNumber = People.IdNumberBornOn(new DateOnly(1952, 3, 3));
        await CityResidents.Certificate(app, "death-certificate", holder: People.IdNumberBornOn(new DateOnly(1950, 1, 1)), named: idNumber);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Submit("/me/profile", new Dictionary<string, string>
        {
            ["Input.FullName"] = "李秀兰",
            ["Input.IdNumber"] = idNumber,
            ["Input.ContactChannel"] = "Sms",
        })).Status);
        await RunJob();
        var her = await People.Resident(app, mobile);
        Assert.Empty(await Offers(her.Id)); // a number she only typed grants nothing

        await People.VerifyIdNumber(app, browser, mobile, idNumber, "李秀兰");
        await app.RunDueJobs();

        Assert.Equal(OfferStatus.Invited, Assert.Single(await Offers(her.Id), o => o.ServiceCode == "funeral-fee-waiver").Status);
        await using var scope = app.Scope();
        var job = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Jobs.AsNoTracking().SingleAsync(j => j.Subject == FindEntitlements.For(her.Id), Ct);
        Assert.NotNull(job.DoneAt);
    }

    /// <summary>The README's walk-through: the demo person proves her ID number, and the demo city's death certificate naming her is offered on.</summary>
    [Fact]
    public async Task TheDemoPerson_OnceProven_IsOfferedTheFuneralFeeWaiver_AsTheReadmeSays()
    {
        const string mobile = "13800138000";
        var browser = await People.SignInResident(app, mobile);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Submit("/me/profile", new Dictionary<string, string>
        {
            ["Input.FullName"] = "王秀英",
            ["Input.IdNumber"] = "440304195603270023",
            ["Input.ContactChannel"] = "Sms",
        })).Status);
        var (verified, _, _) = await browser.Submit("/me/verify", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, verified);
        await app.RunDueJobs(); // her own look for entitlements
        await app.RunDueJobs(); // the invitation it wrote, delivered

        var (_, html, _) = await browser.Get("/me/entitlements");
        Assert.Contains("Funeral", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(app.Services.GetRequiredService<DevelopmentSmsInbox>().Messages, m => m.To == "+86" + mobile && System.Text.RegularExpressions.Regex.IsMatch(m.Text, "[\"“]1 [2-9A-Z]{8}[\"”]"));
    }

    [Fact]
    public async Task GuessingTheCode_StopsWorkingAfterFiveTries_AndAnExpiredCodeSaysSo()
    {
        var mobile = People.NewMobile();
        await People.SignInResident(app, mobile);
        var her = await CityResidents.Known(app, mobile, age: 83);
        await RunJob();
        await app.RunDueJobs();
        var code = CodeSentTo(mobile);

        for (var i = 0; i < Offer.MaxWrongReplies; i++)
        {
            await Reply(mobile, $"1 2222222{i + 2}");
        }

        Assert.Contains("not right", await Reply(mobile, "1 " + code), StringComparison.Ordinal);
        Assert.Equal(OfferStatus.Invited, Assert.Single(await Offers(her.Id), o => o.ServiceCode == "elderly-allowance").Status);

        // The reminder brings a new code, which works again until it expires.
        app.Time.Advance(TimeSpan.FromDays(20));
        await RunJob();
        await app.RunDueJobs();
        var fresh = CodeSentTo(mobile);
        Assert.NotEqual(code, fresh);
        app.Time.Advance(TimeSpan.FromDays(31));
        Assert.Contains("expired", await Reply(mobile, "1 " + fresh), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHundredGuessesAtOnce_SpendNoMoreThanFiveTries_AndTheRightCodeThenFails()
    {
        var mobile = People.NewMobile();
        await People.SignInResident(app, mobile);
        var her = await CityResidents.Known(app, mobile, age: 84);
        await RunJob();
        await app.RunDueJobs();
        var code = CodeSentTo(mobile);

        var replies = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => Task.Run(() => Reply(mobile, $"1 {Wrong(i)}"), Ct)));

        Assert.All(replies, r => Assert.Contains("not right", r, StringComparison.Ordinal));
        var allowance = Assert.Single(await Offers(her.Id), o => o.ServiceCode == "elderly-allowance");
        Assert.Equal(Offer.MaxWrongReplies, allowance.WrongReplies);
        Assert.Contains("not right", await Reply(mobile, "1 " + code), StringComparison.Ordinal);
        Assert.Equal(OfferStatus.Invited, Assert.Single(await Offers(her.Id), o => o.ServiceCode == "elderly-allowance").Status);

        // Distinct wrong codes from the code alphabet (digits 2-9 then letters), none of them hers.
        string Wrong(int i) => $"ZZZZ{"23456789ABCDEFGHJKMNPQRSTUVWXY"[i / 30 % 30]}{"23456789ABCDEFGHJKMNPQRSTUVWXY"[i % 30]}22" is var c && c != code ? c : "ZZZZZZZZ";
    }

    [Fact]
    public async Task AHundredAnswersAtOnce_OnlyTheFirstLands_AndOneDraftIsStarted()
    {
        var mobile = People.NewMobile();
        await People.SignInResident(app, mobile);
        var her = await CityResidents.Known(app, mobile, age: 83);
        await RunJob();
        var allowance = Assert.Single(await Offers(her.Id), o => o.ServiceCode == "elderly-allowance");

        async Task<AnswerOutcome> Answer(int i)
        {
            await using var scope = app.Scope();
            var result = await scope.ServiceProvider.GetRequiredService<AnswerOffer>().Handle(allowance.Id, her.Id, i % 2 == 0 ? OfferAnswer.Accept : OfferAnswer.Decline, Actor.Self(her.Id), Ct);
            return result.Outcome;
        }

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => Task.Run(() => Answer(i), Ct)));

        var landed = Assert.Single(outcomes, o => o != AnswerOutcome.NotOpen);
        var stored = Assert.Single(await Offers(her.Id), o => o.ServiceCode == "elderly-allowance");
        Assert.Equal(landed == AnswerOutcome.Declined ? OfferStatus.Declined : OfferStatus.Accepted, stored.Status);
        await using var check = app.Scope();
        Assert.Equal(landed == AnswerOutcome.Declined ? 0 : 1, await check.ServiceProvider.GetRequiredService<AppDbContext>().Drafts.CountAsync(d => d.ResidentId == her.Id, Ct));
    }

    [Fact]
    public async Task TheGatewayMustShowItsKey_AndAnEmptyMessageIsAProblem_NotAnError()
    {
        using var anonymous = app.CreateClient();
        using var noKey = await anonymous.PostAsJsonAsync("/sms/replies", new IncomingSms("+8613700000000", "1 ABCDEFGH"), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/sms/replies") { Content = JsonContent.Create(new IncomingSms(null, null)) };
        request.Headers.Authorization = new("Bearer", SmsReplies.DevelopmentKey);
        using var empty = await anonymous.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("application/problem+json", empty.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AFamilyMemberActingForHer_SeesAndAcceptsHerOffers_OnHerTrail_ButCannotSwitchThemOff()
    {
        var mobile = People.NewMobile();
        var mother = await People.SignInResident(app, mobile);
        var her = await CityResidents.Known(app, mobile, age: 85);
        var sonMobile = People.NewMobile();
        var son = await People.SignInResident(app, sonMobile);
        var sonRecord = await CityResidents.Known(app, sonMobile, age: 50);
        await ActFor(her, mother, son, sonRecord);
        await RunJob();

        var (status, html, _) = await son.Get("/me/entitlements");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Elderly allowance", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Receive no offers", html, StringComparison.Ordinal);
        var allowance = Assert.Single(await Offers(her.Id), o => o.ServiceCode == "elderly-allowance");
        (status, _, _) = await son.Submit("/me/entitlements", new Dictionary<string, string> { ["offer"] = allowance.Id.ToString(), ["choice"] = "accept" }, "/me/entitlements?handler=answer");
        Assert.Equal(HttpStatusCode.Redirect, status);
        var answered = Assert.Single(await Offers(her.Id), o => o.ServiceCode == "elderly-allowance");
        Assert.Equal(OfferStatus.Accepted, answered.Status);
        Assert.NotNull(answered.AnsweredBy);

        await using var scope = app.Scope();
        var trail = await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditRecords.AsNoTracking().Where(r => r.ResidentId == her.Id && r.ActorKind == ActorKind.Proxy).ToListAsync(Ct);
        Assert.Contains(trail, r => r.Action == AuditAction.Viewed && r.Subject.Kind == AuditSubjectKind.Offer);
        Assert.Contains(trail, r => r.Action == AuditAction.Accepted && r.Subject == AuditSubject.Offer(allowance.Reference));

        (status, _, _) = await son.Submit("/me/entitlements", new Dictionary<string, string> { ["receive"] = "false" }, "/me/entitlements?handler=offers");
        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public async Task SwitchingOffersOff_WithdrawsWhatIsOpen_AndTheNextRunOffersNothing()
    {
        var mobile = People.NewMobile();
        var browser = await People.SignInResident(app, mobile);
        var her = await CityResidents.Known(app, mobile, age: 86);
        await RunJob();

        var (status, _, _) = await browser.Submit("/me/entitlements", new Dictionary<string, string> { ["receive"] = "false" }, "/me/entitlements?handler=offers");
        Assert.Equal(HttpStatusCode.Redirect, status);
        await RunJob();

        Assert.Equal(OfferStatus.Withdrawn, Assert.Single(await Offers(her.Id), o => o.ServiceCode == "elderly-allowance").Status);
        var (_, html, _) = await browser.Get("/me/entitlements");
        Assert.Contains("Receive offers again", html, StringComparison.Ordinal);
    }

    /// <summary>She lets her son act for her in everything; he accepts and switches to acting for her.</summary>
    private async Task ActFor(Tongban.Residents.Resident her, FormClient mother, FormClient son, Tongban.Residents.Resident sonRecord)
    {
        var until = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime).AddYears(1);
        var (status, html, _) = await mother.Submit("/me/delegations/new", new Dictionary<string, string>
        {
            ["Input.Proxy"] = sonRecord.IdNumber!,
            ["Input.ProxyName"] = "儿子",
            ["Input.Scope"] = "all",
            ["Input.UntilDay"] = "1",
            ["Input.UntilMonth"] = "1",
            ["Input.UntilYear"] = until.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.True(status == HttpStatusCode.Redirect, html);
        await using var scope = app.Scope();
        var delegation = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Delegations.AsNoTracking().SingleAsync(d => d.GrantorId == her.Id, Ct);
        Assert.Equal(HttpStatusCode.Redirect, (await son.Submit("/me/delegations", new Dictionary<string, string> { ["id"] = delegation.Id.ToString() }, "/me/delegations?handler=accept")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await son.Submit("/me", new Dictionary<string, string> { ["delegation"] = delegation.Id.ToString() }, "/me/acting-for")).Status);
    }

    /// <summary>The code in the newest invitation she was sent (other messages, such as an invitation to rate, have none).</summary>
    private string CodeSentTo(string mobile) =>
        app.Services.GetRequiredService<DevelopmentSmsInbox>().Messages.Where(m => m.To == "+86" + mobile)
            .Select(m => System.Text.RegularExpressions.Regex.Match(m.Text, "[\"“]1 ([2-9A-Z]{8})[\"”]"))
            .First(match => match.Success).Groups[1].Value;

    private Task<string> Reply(string from, string text) => SmsReplies.Reply(app, from, text);

    private Task RunJob() => CityResidents.RunDailyJob(app);

    private Task<List<Offer>> Offers(Guid residentId) => CityResidents.Offers(app, residentId);
}
