using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Cases;
using Tongban.Cases.Alerts;
using Tongban.Platform.Audit;
using Tongban.Platform.Calendar;
using Tongban.Platform.Data;
using Tongban.Platform.Jobs;
using Tongban.Ratings;
using Tongban.Ratings.Rectifications;
using Tongban.Tests.Cases;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Ratings;

/// <summary>好差评 through the real pages: her rating once a case has ended, the rectification a bad review obliges, the figures in the open.</summary>
public sealed class RatingTests(TongbanAppWithClock app) : IClassFixture<TongbanAppWithClock>
{
    private Task<(FormClient Her, string Reference)> EndedCase(string? mobile = null) => RatingSteps.EndedCase(app, mobile);

    private static Dictionary<string, string> Rating(int level, string? comment = null, params (string Dimension, int Level)[] dimensions) => RatingSteps.Form(level, comment, dimensions);

    private async Task<string> SignedInMobile()
    {
        var mobile = People.NewMobile();
        await People.SignInResident(app, mobile);
        return mobile;
    }

    private Task<T> Read<T>(Func<AppDbContext, Task<T>> query) => RatingSteps.Read(app, query);

    private Task<Case> Stored(string reference) => RatingSteps.Stored(app, reference);

    private Task<List<Rating>> RatingsOf(string reference) => RatingSteps.RatingsOf(app, reference);

    private Task<List<Rectification>> RoundsOf(string reference) => RatingSteps.RoundsOf(app, reference);

    [Fact]
    public async Task AnEndedCase_IsRatedOnce_AndABadReviewOpensARectificationForTheDepartment()
    {
        var (her, reference) = await EndedCase();
        Assert.Contains($"/cases/{reference}/rate", (await her.Get($"/cases/{reference}")).Html, StringComparison.Ordinal);

        var (status, html, location) = await her.Submit($"/cases/{reference}/rate", Rating(2, "The guide did not say the hall closes at noon.", ("Efficiency", 1), ("EaseOfUse", 3)));
        Assert.True(status == HttpStatusCode.Redirect, html);
        var (_, page, _) = await her.Get(location!.OriginalString);
        Assert.Contains("Thank you.", page, StringComparison.Ordinal);
        Assert.Contains("The guide did not say the hall closes at noon.", page, StringComparison.Ordinal);
        Assert.Contains("The department will contact you by", page, StringComparison.Ordinal);

        var rating = Assert.Single(await RatingsOf(reference));
        Assert.Equal((2, "civil-affairs", RatedVia.Web, Channel.Online), (rating.Level, rating.DepartmentCode, rating.RatedVia, rating.ServedOn));
        Assert.Equal(new Dictionary<string, int> { ["Efficiency"] = 1, ["EaseOfUse"] = 3 }, rating.Dimensions);
        var round = Assert.Single(await RoundsOf(reference));
        var calendar = app.Services.GetRequiredService<WorkingDayCalendar>();
        var today = app.Time.Today();
        Assert.Equal((RectificationStatus.ToContact, calendar.AddWorkingDays(today, 1), calendar.AddWorkingDays(today, 2)), (round.Status, round.ContactDueOn, round.AnswerDueOn));

        // The department's officers see it on their workbench; another department's do not.
        var officer = await People.SignInStaff(app, "officer.civil");
        Assert.Contains("a bad review: contact the resident by", (await officer.Get("/staff")).Html, StringComparison.Ordinal);
        Assert.Contains($"/staff/reviews/{round.Id}", (await officer.Get("/staff/reviews")).Html, StringComparison.Ordinal);
        var other = await People.SignInStaff(app, "officer.hr");
        Assert.DoesNotContain(round.Id.ToString(), (await other.Get("/staff/reviews")).Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Get($"/staff/reviews/{round.Id}")).Status);

        // Rated once: a second rating changes nothing and says why.
        Assert.DoesNotContain("Send my rating", (await her.Get($"/cases/{reference}/rate")).Html, StringComparison.Ordinal);
        var token = await her.AntiforgeryToken("/me");
        var (_, refused, _) = await her.Post($"/cases/{reference}/rate", new Dictionary<string, string>(Rating(5)) { ["__RequestVerificationToken"] = token! });
        Assert.Contains("This application has already been rated.", refused, StringComparison.Ordinal);
        Assert.Equal(2, Assert.Single(await RatingsOf(reference)).Level);
        Assert.Single(await RoundsOf(reference));
    }

    [Fact]
    public async Task AHundredRatingsSentAtOnce_CountOnce_AndOpenOneRectification()
    {
        var (her, reference) = await EndedCase();
        var token = await her.AntiforgeryToken($"/cases/{reference}/rate");
        var sendings = await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            her.Post($"/cases/{reference}/rate", new Dictionary<string, string>(Rating(1 + (i % 2))) { ["__RequestVerificationToken"] = token! })));

        Assert.All(sendings, s => Assert.True(s.Status is HttpStatusCode.Redirect or HttpStatusCode.OK));
        Assert.Single(sendings, s => s.Status == HttpStatusCode.Redirect);
        Assert.All(sendings.Where(s => s.Status == HttpStatusCode.OK), s => Assert.Contains("This application has already been rated.", s.Html, StringComparison.Ordinal));
        Assert.Single(await RatingsOf(reference));
        Assert.Single(await RoundsOf(reference));
    }

    [Fact]
    public async Task AnOpenCase_SomeoneElsesCase_AndBadInput_AreRefusedClearly_KeepingWhatWasTyped()
    {
        var her = await People.SignInResident(app, People.NewMobile());
        var open = await Applying.Apply(her, "senior-citizen-card", CaseWorkflowTests.TooYoungForTheCard);
        Assert.Contains("You can rate this application once it has been decided or withdrawn.", (await her.Get($"/cases/{open}/rate")).Html, StringComparison.Ordinal);
        var token = await her.AntiforgeryToken($"/cases/{open}");
        var (_, early, _) = await her.Post($"/cases/{open}/rate", new Dictionary<string, string>(Rating(5)) { ["__RequestVerificationToken"] = token! });
        Assert.Contains("You can rate this application once it has been decided or withdrawn.", early, StringComparison.Ordinal);
        Assert.Empty(await RatingsOf(open));

        var (owner, reference) = await EndedCase();
        var (status, _, _) = await her.Get($"/cases/{reference}/rate");
        Assert.Equal(HttpStatusCode.NotFound, status);
        var (forged, _, _) = await her.Post($"/cases/{reference}/rate", new Dictionary<string, string>(Rating(1)) { ["__RequestVerificationToken"] = token! });
        Assert.Equal(HttpStatusCode.NotFound, forged);

        var page = $"/cases/{reference}/rate";
        var (_, noLevel, _) = await owner.Submit(page, Rating(0, "Kept when the level is missing"));
        Assert.Contains("Choose how satisfied you are, from 1 to 5.", noLevel, StringComparison.Ordinal);
        Assert.Contains("Kept when the level is missing", noLevel, StringComparison.Ordinal);
        Assert.Contains("Choose how satisfied you are", (await owner.Submit(page, Rating(7))).Html, StringComparison.Ordinal);
        Assert.Contains("Choose from 1 to 5, or leave it out.", (await owner.Submit(page, Rating(4, null, ("Efficiency", 9)))).Html, StringComparison.Ordinal);
        // Asked offline only: her case was online.
        Assert.Contains("This question is not asked about this application.", (await owner.Submit(page, Rating(4, null, ("Attitude", 3)))).Html, StringComparison.Ordinal);
        var (_, tooLong, _) = await owner.Submit(page, Rating(4, new string('慢', 10_000)));
        Assert.Contains("Your comment is 10000 characters long; please keep it to 500.", tooLong, StringComparison.Ordinal);
        var (_, markup, _) = await owner.Submit(page, Rating(4, "Fine <script>alert(1)</script>"));
        Assert.Contains("Please write your comment as plain text", markup, StringComparison.Ordinal);
        Assert.Contains("Fine &lt;script&gt;", markup, StringComparison.Ordinal);
        Assert.Empty(await RatingsOf(reference));

        // A good rating opens nothing for the department.
        Assert.Equal(HttpStatusCode.Redirect, (await owner.Submit(page, Rating(5, "Quick and clear"))).Status);
        Assert.Empty(await RoundsOf(reference));
    }

    [Fact]
    public async Task TheDepartmentContactsAndAnswers_SheSaysNo_AndGetsOneMoreRoundAtMost()
    {
        var (her, reference) = await EndedCase();
        Assert.Equal(HttpStatusCode.Redirect, (await her.Submit($"/cases/{reference}/rate", Rating(1, "Nobody answered the phone"))).Status);
        var first = Assert.Single(await RoundsOf(reference));
        var officer = await People.SignInStaff(app, "officer.civil");
        var review = $"/staff/reviews/{first.Id}";

        var (_, shown, _) = await officer.Get(review);
        Assert.Contains("Nobody answered the phone", shown, StringComparison.Ordinal);
        var (_, noNote, _) = await officer.Submit(review, new Dictionary<string, string> { ["Step"] = "Contacted", ["Note"] = " " });
        Assert.Contains("Write how you reached her and what she said.", noNote, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.Submit(review, new Dictionary<string, string> { ["Step"] = "Contacted", ["Note"] = "Called her; she waited 40 minutes on the line." })).Status);
        var (_, noFound, _) = await officer.Submit(review, new Dictionary<string, string> { ["Step"] = "Answered", ["Found"] = "", ["Changed"] = "A second line at lunchtime." });
        Assert.Contains("Write what you found.", noFound, StringComparison.Ordinal);
        Assert.Contains("A second line at lunchtime.", noFound, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.Submit(review, new Dictionary<string, string> { ["Step"] = "Answered", ["Found"] = "One person on the line at lunchtime.", ["Changed"] = "A second line at lunchtime." })).Status);

        var (_, herPage, _) = await her.Get($"/cases/{reference}/rate");
        Assert.Contains("One person on the line at lunchtime.", herPage, StringComparison.Ordinal);
        Assert.Contains("Does this answer satisfy you?", herPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await her.Submit($"/cases/{reference}/rate", new Dictionary<string, string> { ["satisfied"] = "false" }, action: $"/cases/{reference}/rate?handler=Verdict")).Status);
        var rounds = await RoundsOf(reference);
        Assert.Equal([1, 2], rounds.Select(r => r.Round));
        Assert.Equal((false, RectificationStatus.ToContact), (rounds[0].Satisfied, rounds[1].Status));

        var second = $"/staff/reviews/{rounds[1].Id}";
        Assert.Contains("second round", (await officer.Get(second)).Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.Submit(second, new Dictionary<string, string> { ["Step"] = "Contacted", ["Note"] = "Visited her." })).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.Submit(second, new Dictionary<string, string> { ["Step"] = "Answered", ["Found"] = "Calls still queued.", ["Changed"] = "A call-back when the wait passes 5 minutes." })).Status);
        await her.Submit($"/cases/{reference}/rate", new Dictionary<string, string> { ["satisfied"] = "false" }, action: $"/cases/{reference}/rate?handler=Verdict");
        Assert.Equal([1, 2], (await RoundsOf(reference)).Select(r => r.Round));
        Assert.DoesNotContain("Does this answer satisfy you?", (await her.Get($"/cases/{reference}/rate")).Html, StringComparison.Ordinal);

        // Each look at her rating and each step is on her trail, with who did it.
        var trail = await Read(db => db.AuditRecords.AsNoTracking().Where(r => r.ResidentId == rounds[0].ResidentId).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Contains(trail, r => r.Action == AuditAction.Viewed && r.Subject.TextKey(r.Action) == "Audit.Viewed.Case.Rating" && r.ActorName == "赵磊");
        Assert.Contains(trail, r => r.Subject.TextKey(r.Action) == "Audit.Changed.Case.RectificationAnswered");
    }

    [Fact]
    public async Task AServiceWithItsOwnTimeLimits_GivesItsDepartmentThoseDays()
    {
        // Temporary assistance is for people in urgent need: the catalogue gives 1 working day to answer, 5 when complex.
        var mobile = await SignedInMobile();
        var resident = await People.Resident(app, mobile);
        var withdrawn = RatingSteps.EndedCaseRow(app, resident.Id, "temporary-assistance", CaseStatus.Withdrawn);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Cases.Add(withdrawn);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var her = await People.SignInResident(app, mobile);
        Assert.Equal(HttpStatusCode.Redirect, (await her.Submit($"/cases/{withdrawn.Reference}/rate", Rating(1, "Nobody called me back."))).Status);
        var round = Assert.Single(await RoundsOf(withdrawn.Reference));
        var calendar = app.Services.GetRequiredService<WorkingDayCalendar>();
        var today = app.Time.Today();
        Assert.Equal((calendar.AddWorkingDays(today, 1), calendar.AddWorkingDays(today, 1)), (round.ContactDueOn, round.AnswerDueOn));

        Assert.Equal(HttpStatusCode.Redirect, (await (await People.SignInStaff(app, "officer.civil")).Submit($"/staff/reviews/{round.Id}", new Dictionary<string, string> { ["Step"] = "Complex" })).Status);
        Assert.Equal(calendar.AddWorkingDays(DateOnly.FromDateTime(CityTime.Local(round.OpenedAt)), 5), Assert.Single(await RoundsOf(withdrawn.Reference)).AnswerDueOn);
    }

    [Fact]
    public async Task TheDeadlineJob_WarnsTheOfficersAt80Percent_AndTheHeadWhenLate_Once()
    {
        var (her, reference) = await EndedCase();
        Assert.Equal(HttpStatusCode.Redirect, (await her.Submit($"/cases/{reference}/rate", Rating(2))).Status);
        var round = Assert.Single(await RoundsOf(reference));
        Assert.Equal(HttpStatusCode.Redirect, (await (await People.SignInStaff(app, "officer.civil")).Submit($"/staff/reviews/{round.Id}", new Dictionary<string, string> { ["Step"] = "Complex" })).Status);
        round = Assert.Single(await RoundsOf(reference));
        var calendar = app.Services.GetRequiredService<WorkingDayCalendar>();
        Assert.Equal(calendar.AddWorkingDays(DateOnly.FromDateTime(CityTime.Local(round.OpenedAt)), 15), round.AnswerDueOn);

        async Task<List<StaffAlertKind>> Alerts() =>
            await Read(db => db.StaffAlerts.AsNoTracking().Where(a => a.CaseId == round.CaseId).Select(a => a.Kind).ToListAsync(TestContext.Current.CancellationToken));
        async Task RunJob()
        {
            await using var scope = app.Scope();
            var job = scope.ServiceProvider.GetServices<IJobHandler>().Single(h => h.Kind == OpenRectification.JobKind);
            await job.Run(round.Id.ToString(), TestContext.Current.CancellationToken);
            await job.Run(round.Id.ToString(), TestContext.Current.CancellationToken);
        }

        Assert.DoesNotContain(StaffAlertKind.ReviewDueNear, await Alerts());
        app.Time.SetUtcNow(CheckRectificationDeadline.WarningAt(round, calendar).AddHours(1));
        await RunJob();
        var officers = (await Alerts()).Count(k => k == StaffAlertKind.ReviewDueNear);
        Assert.True(officers == 2, $"each of the two civil-affairs officers once, not {officers}");
        Assert.DoesNotContain(StaffAlertKind.ReviewLate, await Alerts());

        app.Time.SetUtcNow(CheckRectificationDeadline.LateAt(round).AddHours(1));
        await RunJob();
        Assert.Single(await Alerts(), k => k == StaffAlertKind.ReviewLate);
        var head = await People.SignInStaff(app, "head.civil");
        Assert.Contains("the answer to a bad review was due on", (await head.Get("/staff")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOpenFigures_ShowAServiceOnlyFromTenRatings_AndTheLatestAnswersWithoutNames()
    {
        // Ratings of a service no other test rates, stored as the use case stores them.
        const string service = "vaccination-certificate";
        var resident = await People.Resident(app, await SignedInMobile());
        async Task Rate(int count, int level)
        {
            await using var scope = app.Scope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            for (var i = 0; i < count; i++)
            {
                var c = RatingSteps.EndedCaseRow(app, resident.Id, service, CaseStatus.Approved);
                db.Cases.Add(c);
                db.Ratings.Add(new Rating { Id = Guid.NewGuid(), CaseId = c.Id, ResidentId = c.ResidentId, ServiceCode = service, DepartmentCode = "health", Level = level, RatedAt = app.Time.GetUtcNow().UtcDateTime });
            }

            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var visitor = new FormClient(app);
        await Rate(9, 4);
        var (_, nine, _) = await visitor.Get("/ratings");
        Assert.Contains("Fewer than 10 ratings: not shown.", nine, StringComparison.Ordinal);

        await Rate(1, 1);
        var (status, ten, _) = await visitor.Get("/ratings");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Matches(@"<td>10</td>\s*<td>0</td>\s*<td>9</td>\s*<td>0</td>\s*<td>0</td>\s*<td>1</td>\s*<td>1 \(10%\)</td>", System.Text.RegularExpressions.Regex.Replace(ten, "<td[^>]*>", "<td>"));

        // The same figures as open data; a table that does not exist is a problem, not an error.
        var (_, csv, _) = await visitor.Get("/ratings/data/figures.csv");
        Assert.StartsWith("kind,code,ratings,level_1,level_2,level_3,level_4,level_5,bad_reviews,answered,answered_on_time,suppressed\r\n", csv, StringComparison.Ordinal);
        Assert.Contains("\"service\",\"vaccination-certificate\",10,1,0,0,9,0,1,0,0,false\r\n", csv, StringComparison.Ordinal);
        Assert.Contains("\"vaccination-certificate\"", (await visitor.Get("/ratings/data/figures.json")).Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await visitor.Get("/ratings/data/rectifications.json")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Get("/ratings/data/people.csv")).Status);
    }

    [Fact]
    public async Task OneReminderAfterThreeDays_ADigitRepliedBySmsRatesTheCase_AndHerNextWordsSayWhatWentWrong()
    {
        var mobile = People.NewMobile();
        var (_, reference) = await EndedCase(mobile);
        var id = (await Stored(reference)).Id;
        async Task Remind()
        {
            await using var scope = app.Scope();
            var job = scope.ServiceProvider.GetServices<IJobHandler>().Single(h => h.Kind == InviteToRate.JobKind);
            await job.Run(id.ToString(), TestContext.Current.CancellationToken);
        }

        Assert.Contains(await Read(db => db.Jobs.AsNoTracking().Where(j => j.Kind == InviteToRate.JobKind && j.Subject == id.ToString()).Select(j => j.RunAt).ToListAsync(TestContext.Current.CancellationToken)),
            at => at > app.Time.GetUtcNow().UtcDateTime.AddDays(2.9));
        // Before any reminder, a digit rates nothing (the offers' replies say they did not understand it).
        Assert.DoesNotContain("Thank you for your rating.", await Reply(mobile, "4"), StringComparison.Ordinal);
        Assert.Empty(await RatingsOf(reference));

        app.Time.Advance(InviteToRate.ReminderAfter + TimeSpan.FromHours(1));
        await Remind();
        await Remind();
        var reminders = await Read(db => db.Notifications.AsNoTracking().Where(n => n.CaseId == id && n.Key.StartsWith("rating:")).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Contains("Reply to this SMS with one digit", Assert.Single(reminders).Text, StringComparison.Ordinal);

        Assert.Contains("one digit from 1", await Reply(mobile, "0"), StringComparison.Ordinal);
        Assert.Contains("one digit from 1", await Reply(mobile, "６"), StringComparison.Ordinal);
        Assert.Empty(await RatingsOf(reference));
        Assert.Contains("What went wrong?", await Reply(mobile, "２"), StringComparison.Ordinal);
        Assert.Contains("already been rated", await Reply(mobile, "5"), StringComparison.Ordinal);
        Assert.Contains("plain text", await Reply(mobile, "<b>rude</b>"), StringComparison.Ordinal);
        Assert.Contains("the department has your words", await Reply(mobile, "The clerk was rude to my mother."), StringComparison.Ordinal);
        var rating = Assert.Single(await RatingsOf(reference));
        Assert.Equal((2, RatedVia.Sms, "The clerk was rude to my mother."), (rating.Level, rating.RatedVia, rating.Comment));
        Assert.Single(await RoundsOf(reference));

        // A week on, a digit no longer rates: the invitation has closed.
        var (_, later) = await EndedCase(mobile);
        var laterId = (await Stored(later)).Id;
        app.Time.Advance(InviteToRate.ReminderAfter + TimeSpan.FromHours(1));
        await using (var scope = app.Scope())
        {
            await scope.ServiceProvider.GetServices<IJobHandler>().Single(h => h.Kind == InviteToRate.JobKind).Run(laterId.ToString(), TestContext.Current.CancellationToken);
        }

        app.Time.Advance(RateBySms.ReplyWindow + TimeSpan.FromHours(1));
        Assert.Contains("has closed", await Reply(mobile, "3"), StringComparison.Ordinal);
        Assert.Empty(await RatingsOf(later));
    }

    [Fact]
    public async Task AReviewTheDepartmentCallsMalicious_IsJudgedByAnotherDepartmentsHead_AndSheIsToldWhyItNoLongerCounts()
    {
        var (her, reference) = await EndedCase();
        Assert.Equal(HttpStatusCode.Redirect, (await her.Submit($"/cases/{reference}/rate", Rating(1, "Buy cheap watches at example.com"))).Status);
        var round = Assert.Single(await RoundsOf(reference));
        var review = $"/staff/reviews/{round.Id}";
        var appeal = $"{review}?handler=Appeal";
        var officer = await People.SignInStaff(app, "officer.civil");

        Assert.Contains("Say why you believe the review is malicious", (await officer.Submit(review, new Dictionary<string, string> { ["Evidence"] = " " }, appeal)).Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.Submit(review, new Dictionary<string, string> { ["Evidence"] = "An advertisement, not a review of the service." }, appeal)).Status);
        Assert.Contains("appealed already", (await officer.Submit(review, new Dictionary<string, string> { ["Evidence"] = "Again." }, appeal)).Html, StringComparison.Ordinal);
        var rating = Assert.Single(await RatingsOf(reference));

        // The department does not judge its own appeal.
        var ownHead = await People.SignInStaff(app, "head.civil");
        Assert.DoesNotContain(rating.Id.ToString(), (await ownHead.Get("/staff/appeals")).Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await ownHead.Get($"/staff/appeals/{rating.Id}")).Status);
        Assert.NotEqual(HttpStatusCode.OK, (await officer.Get("/staff/appeals")).Status);

        var otherHead = await People.SignInStaff(app, "head.hr");
        Assert.Contains($"/staff/appeals/{rating.Id}", (await otherHead.Get("/staff/appeals")).Html, StringComparison.Ordinal);
        var decide = $"/staff/appeals/{rating.Id}";
        Assert.Contains("Buy cheap watches", (await otherHead.Get(decide)).Html, StringComparison.Ordinal);
        var (_, noReasons, _) = await otherHead.Submit(decide, new Dictionary<string, string> { ["upheld"] = "true", ["Reasons"] = "" });
        Assert.Contains("Write the reasons: the resident is told them.", noReasons, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await otherHead.Submit(decide, new Dictionary<string, string> { ["upheld"] = "true", ["Reasons"] = "The comment advertises a shop and says nothing of the service." })).Status);

        rating = Assert.Single(await RatingsOf(reference));
        Assert.Equal((true, "刘洋"), (rating.AppealUpheld, rating.AppealDecidedBy));
        Assert.NotNull(rating.ExcludedAt);
        Assert.Contains("says nothing of the service", (await her.Get($"/cases/{reference}/rate")).Html, StringComparison.Ordinal);
        var told = await Read(db => db.Notifications.AsNoTracking().Where(n => n.Key == $"rating-appeal:{rating.Id:N}").ToListAsync(TestContext.Current.CancellationToken));
        Assert.Contains("no longer counts in the public figures", Assert.Single(told).Text, StringComparison.Ordinal);
        Assert.DoesNotContain(round.Id.ToString(), (await officer.Get("/staff/reviews")).Html, StringComparison.Ordinal);
        var token = await otherHead.AntiforgeryToken("/staff");
        var (_, again, _) = await otherHead.Post(decide, new Dictionary<string, string> { ["upheld"] = "false", ["Reasons"] = "Changed my mind.", ["__RequestVerificationToken"] = token! });
        Assert.Contains("This appeal has been decided already.", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFamilyMember_RatesForHerOnlyIfSheAskedThemTo_AndTheRatingSaysSo()
    {
        var mobile = People.NewMobile();
        var (her, reference) = await EndedCase(mobile);
        var herId = (await People.Resident(app, mobile)).Id;
        var son = await ProxyFor(her, herId, "儿子", mayRate: false);
        var daughter = await ProxyFor(her, herId, "女儿", mayRate: true);
        Assert.Contains("rating them too", (await her.Get("/me/delegations")).Html, StringComparison.Ordinal);

        // Her son may act for her, but she did not ask him to rate: refused, whatever he sends.
        var (_, sonPage, _) = await son.Get($"/cases/{reference}/rate");
        Assert.Contains("someone she asked to rate for her", sonPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Send my rating", sonPage, StringComparison.Ordinal);
        var token = await son.AntiforgeryToken("/me");
        var (_, refused, _) = await son.Post($"/cases/{reference}/rate", new Dictionary<string, string>(Rating(1)) { ["__RequestVerificationToken"] = token! });
        Assert.Contains("someone she asked to rate for her", refused, StringComparison.Ordinal);
        Assert.Empty(await RatingsOf(reference));

        // Her daughter may: the page tells her she rates for her mother, and the rating says who gave it.
        Assert.Contains("You are rating for the person you act for", (await daughter.Get($"/cases/{reference}/rate")).Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await daughter.Submit($"/cases/{reference}/rate", Rating(4, "Quick, but the hall was hard to find."))).Status);
        var rating = Assert.Single(await RatingsOf(reference));
        Assert.Equal((herId, ActorKind.Proxy, "女儿"), (rating.ResidentId, rating.RaterKind, rating.RaterName));
        Assert.Contains("女儿, whom you asked to rate for you", (await her.Get($"/cases/{reference}/rate")).Html, StringComparison.Ordinal);
        var trail = await Read(db => db.AuditRecords.AsNoTracking().Where(r => r.ResidentId == herId && r.ActorName == "女儿").ToListAsync(TestContext.Current.CancellationToken));
        Assert.Contains(trail, r => r.Action == AuditAction.Created && r.Subject.TextKey(r.Action) == "Audit.Created.Case.Rated");
    }

    /// <summary>A new resident she lets act for her in everything (and rate too, if <paramref name="mayRate"/>), who accepts and switches to acting for her.</summary>
    private async Task<FormClient> ProxyFor(FormClient her, Guid herId, string name, bool mayRate)
    {
        var mobile = People.NewMobile();
        var proxy = await People.SignInResident(app, mobile);
        var form = new Dictionary<string, string>
        {
            ["Input.Proxy"] = mobile,
            ["Input.ProxyName"] = name,
            ["Input.Scope"] = "all",
            ["Input.UntilDay"] = "1",
            ["Input.UntilMonth"] = "1",
            ["Input.UntilYear"] = (app.Time.Today().Year + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (mayRate)
        {
            form["Input.MayRate"] = "true";
        }

        var (status, html, _) = await her.Submit("/me/delegations/new", form);
        Assert.True(status == HttpStatusCode.Redirect, html);
        var delegation = await Read(db => db.Delegations.AsNoTracking().SingleAsync(d => d.GrantorId == herId && d.ProxyName == name, TestContext.Current.CancellationToken));
        Assert.Equal(mayRate, delegation.MayRate);
        Assert.Equal(HttpStatusCode.Redirect, (await proxy.Submit("/me/delegations", new Dictionary<string, string> { ["id"] = delegation.Id.ToString() }, "/me/delegations?handler=accept")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await proxy.Submit("/me", new Dictionary<string, string> { ["delegation"] = delegation.Id.ToString() }, "/me/acting-for")).Status);
        return proxy;
    }

    [Fact]
    public async Task A12345Agent_KeysInWhatSheSaysOnThePhone_AndItSaysSo_WhileAClerkMayNot()
    {
        var mobile = People.NewMobile();
        var (her, reference) = await EndedCase(mobile);
        var idNumber = People.IdNumberBornOn(new DateOnly(1948, 6, 1));
        await her.Submit("/me/profile", new Dictionary<string, string> { ["Input.FullName"] = "何秀英", ["Input.IdNumber"] = idNumber, ["Input.ContactChannel"] = "Sms" });
        await People.VerifyIdNumber(app, her, mobile, idNumber, "何秀英");

        var clerk = await People.SignInStaff(app, "clerk.futian");
        var agent = await People.SignInStaff(app, "agent.12345");
        foreach (var (staff, check) in new[] { (clerk, "IdCardReader"), (agent, "CallbackToRegisteredMobile") })
        {
            var (status, html, _) = await staff.Submit("/staff/assist", new Dictionary<string, string>
            {
                ["Input.IdNumber"] = idNumber,
                ["Input.FullName"] = "何秀英",
                ["Input.IdentityCheck"] = check,
                ["Input.ConsentReference"] = "REC-RATE-1",
            });
            Assert.True(status == HttpStatusCode.Redirect, html);
        }

        // At the counter she rates on the tablet herself: the clerk is offered the tablet, not her rating, and a forged one is refused.
        var (_, atCounter, _) = await clerk.Get($"/cases/{reference}/rate");
        Assert.Contains("She rates this visit on the counter tablet", atCounter, StringComparison.Ordinal);
        Assert.DoesNotContain("Send my rating", atCounter, StringComparison.Ordinal);
        var (_, forged, _) = await clerk.Submit($"/cases/{reference}/rate", Rating(1));
        Assert.Contains("Only the person the application is for can rate it", forged, StringComparison.Ordinal);
        Assert.Empty(await RatingsOf(reference));
        var (_, form, _) = await agent.Get($"/cases/{reference}/rate");
        Assert.Contains("as she tells it to you on the phone", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await agent.Submit($"/cases/{reference}/rate", Rating(4, "Clear on the phone"))).Status);

        var rating = Assert.Single(await RatingsOf(reference));
        Assert.Equal((RatedVia.Hotline, ActorKind.Staff, "李建国"), (rating.RatedVia, rating.RaterKind, rating.RaterName));
        Assert.Contains("12345 hotline, as you said it on the phone", (await her.Get($"/cases/{reference}/rate")).Html, StringComparison.Ordinal);
        Assert.Contains("Rated your application for you", (await her.Get("/me/activity")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AtTheCounter_SheRatesOnTheTablet_ByAOneUseLinkTheClerkOpens()
    {
        var mobile = People.NewMobile();
        var her = await People.SignInResident(app, mobile);
        var idNumber = People.IdNumberBornOn(new DateOnly(1952, 3, 3));
        await her.Submit("/me/profile", new Dictionary<string, string> { ["Input.FullName"] = "黎秀珍", ["Input.IdNumber"] = idNumber, ["Input.ContactChannel"] = "Sms" });
        await People.VerifyIdNumber(app, her, mobile, idNumber, "黎秀珍");
        var served = await Applying.Apply(her, "senior-citizen-card", CaseWorkflowTests.TooYoungForTheCard);
        var clerk = await People.SignInStaff(app, "clerk.futian");
        var (status, html, _) = await clerk.Submit("/staff/assist", new Dictionary<string, string>
        {
            ["Input.IdNumber"] = idNumber,
            ["Input.FullName"] = "黎秀珍",
            ["Input.IdentityCheck"] = "IdCardReader",
            ["Input.ConsentReference"] = "C-TABLET-1",
        });
        Assert.True(status == HttpStatusCode.Redirect, html);

        async Task<string> Link(string reference)
        {
            var (_, page, _) = await clerk.Submit($"/cases/{reference}/rate", new Dictionary<string, string>(), $"/cases/{reference}/rate?handler=Tablet");
            return System.Text.RegularExpressions.Regex.Match(page, "href=\"(/counter/rate/[A-Za-z0-9_-]{43})\"").Groups[1].Value;
        }

        var link = await Link(served);
        var late = await Link(served);
        Assert.NotEmpty(link);
        Assert.NotEqual(link, late);
        var tablet = new FormClient(app);
        var (_, shown, _) = await tablet.Get(link);
        Assert.Contains("Touch one answer to send your rating.", shown, StringComparison.Ordinal);
        Assert.Contains("Choose how satisfied you are", (await tablet.Submit(link, new Dictionary<string, string> { ["Level"] = "9" })).Html, StringComparison.Ordinal);
        // A hundred touches at once (a double tap, a second tablet): the link is spent once, and once only is she counted.
        var touchToken = await tablet.AntiforgeryToken(link);
        var touches = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ =>
            tablet.Post(link, new Dictionary<string, string> { ["Level"] = "5", ["Dimensions[Attitude]"] = "5", ["Comment"] = "耐心", ["__RequestVerificationToken"] = touchToken! })));
        Assert.Single(touches, t => t.Html.Contains("Your rating counts", StringComparison.Ordinal));
        Assert.All(touches.Where(t => !t.Html.Contains("Your rating counts", StringComparison.Ordinal)), t => Assert.Contains("This rating link has been used already.", t.Html, StringComparison.Ordinal));

        var rating = Assert.Single(await RatingsOf(served));
        Assert.Equal((RatedVia.CounterTablet, Channel.Counter, 5, "耐心"), (rating.RatedVia, rating.ServedOn, rating.Dimensions["Attitude"], rating.Comment));
        var token = await tablet.AntiforgeryToken("/sign-in");
        var (_, again, _) = await tablet.Post(link, new Dictionary<string, string> { ["Level"] = "1", ["__RequestVerificationToken"] = token! });
        Assert.Contains("This rating link has been used already.", again, StringComparison.Ordinal);
        Assert.Single(await RatingsOf(served));

        // A link not used within 30 minutes expires; a made-up one is not found.
        app.Time.Advance(Tongban.Ratings.Counter.CounterRatingToken.Lifetime + TimeSpan.FromMinutes(1));
        Assert.Contains("This rating link has expired.", (await tablet.Get(late)).Html, StringComparison.Ordinal);
        var (_, expired, _) = await tablet.Post(late, new Dictionary<string, string> { ["Level"] = "5", ["__RequestVerificationToken"] = token! });
        Assert.Contains("This rating link has expired.", expired, StringComparison.Ordinal);
        Assert.Single(await RatingsOf(served));
        Assert.Equal(HttpStatusCode.NotFound, (await tablet.Get("/counter/rate/" + new string('A', 43))).Status);
    }

    private Task<string> Reply(string from, string text) => SmsReplies.Reply(app, from, text);
}
