using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Platform.Jobs;
using Tongban.Ratings;
using Tongban.Ratings.Rectifications;
using Tongban.Ratings.Visits;
using Tongban.Residents.Assisted;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Ratings;

/// <summary>一次一评: a counter visit or a 12345 call rated once, whether or not it made a case, and its bad review answered by the bureau that runs the halls and the hotline.</summary>
public sealed partial class VisitRatingTests(TongbanAppWithClock app) : IClassFixture<TongbanAppWithClock>
{
    [Fact]
    public async Task AVisitThatMadeNoCase_IsRatedOnTheTablet_AndItsBadReviewIsAnsweredByTheGovernmentServicesBureau()
    {
        var (her, mobile) = await Resident("陆桂兰");
        var clerk = await People.SignInStaff(app, "clerk.futian");
        await Start(clerk, "陆桂兰", "IdCardReader");
        var visit = await OpenVisitOf(mobile);

        // The clerk makes the tablet link for the visit itself; she touches 2 and says why.
        var (_, offered, _) = await clerk.Get("/staff/visit/tablet");
        Assert.Contains("whether or not she applied for something", offered, StringComparison.Ordinal);
        var (_, made, _) = await clerk.Submit("/staff/visit/tablet", new Dictionary<string, string>());
        var link = TabletLink().Match(made).Groups[1].Value;
        Assert.NotEmpty(link);
        var tablet = new FormClient(app);
        Assert.Contains("A visit to a service hall", (await tablet.Get(link)).Html, StringComparison.Ordinal);
        var (_, thanked, _) = await tablet.Submit(link, new Dictionary<string, string> { ["Level"] = "2", ["Dimensions[Attitude]"] = "1", ["Comment"] = "Waited an hour; nobody said why." });
        Assert.Contains("Your rating counts", thanked, StringComparison.Ordinal);
        Assert.Contains("She has rated this visit already.", (await clerk.Get("/staff/visit/tablet")).Html, StringComparison.Ordinal);

        var rating = Assert.Single(await Read(db => db.Ratings.AsNoTracking().Where(r => r.VisitId == visit.Id).ToListAsync(TestContext.Current.CancellationToken)));
        Assert.Equal((null, VisitService.CounterVisit, VisitService.Department, Channel.Counter, RatedVia.CounterTablet, 2), (rating.CaseId, rating.ServiceCode, rating.DepartmentCode, rating.ServedOn, rating.RatedVia, rating.Level));
        var round = Assert.Single(await Rounds(rating.Id));
        Assert.Null(round.CaseId);

        // The bureau's officer has it on the workbench and the list; a department that served nobody here does not.
        var officer = await People.SignInStaff(app, "officer.gov");
        Assert.Contains("a bad review: contact the resident by", (await officer.Get("/staff")).Html, StringComparison.Ordinal);
        Assert.Contains($"/staff/reviews/{round.Id}", (await officer.Get("/staff/reviews")).Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await (await People.SignInStaff(app, "officer.civil")).Get($"/staff/reviews/{round.Id}")).Status);
        var review = $"/staff/reviews/{round.Id}";
        var (_, shown, _) = await officer.Get(review);
        Assert.Contains($"Bad review of visit or call {visit.Reference}", shown, StringComparison.Ordinal);
        Assert.Contains("Waited an hour; nobody said why.", shown, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.Submit(review, new Dictionary<string, string> { ["Step"] = "Contacted", ["Note"] = "Called her back the same afternoon." })).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.Submit(review, new Dictionary<string, string> { ["Step"] = "Answered", ["Found"] = "The queue display was off all morning.", ["Changed"] = "A clerk now calls the numbers aloud when it fails." })).Status);

        // She reads the answer on her page of the visit and says it does not settle it: one more round, no more.
        var page = $"/me/visits/{visit.Id:N}";
        Assert.Contains(page, (await her.Get("/me/visits")).Html, StringComparison.Ordinal);
        var (_, answer, _) = await her.Get(page);
        Assert.Contains("The queue display was off all morning.", answer, StringComparison.Ordinal);
        Assert.Contains("Does this answer satisfy you?", answer, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await her.Submit(page, new Dictionary<string, string> { ["satisfied"] = "false" }, action: $"{page}?handler=Verdict")).Status);
        Assert.Equal([1, 2], (await Rounds(rating.Id)).Select(r => r.Round));

        // Every step of the bureau is on her trail, under the visit's reference.
        var trail = await Read(db => db.AuditRecords.AsNoTracking().Where(r => r.ResidentId == visit.ResidentId).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Contains(trail, r => r.Subject.TextKey(r.Action) == "Audit.Viewed.Visit.Rating" && r.ActorName == "何静怡" && r.Subject.Key == visit.Reference);
        Assert.Contains(trail, r => r.Subject.TextKey(r.Action) == "Audit.Changed.Visit.RectificationAnswered");
        Assert.Contains("Answered your bad review", (await her.Get("/me/activity")).Html, StringComparison.Ordinal);

        // In the open, visits have their own row (suppressed until ten ratings), under the bureau.
        var (_, published, _) = await new FormClient(app).Get("/ratings");
        Assert.Contains("A visit to a service hall", published, StringComparison.Ordinal);
        Assert.Contains("Shenzhen Government Services and Data Management Bureau", published, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A12345Call_IsInvitedBySmsOnceWhenItEnds_AndADigitRatesItOnce_OnlyByHer()
    {
        var (her, mobile) = await Resident("简凤仪");
        var agent = await People.SignInStaff(app, "agent.12345");
        await Start(agent, "简凤仪", "CallbackToRegisteredMobile");
        var call = await OpenVisitOf(mobile);

        // While the call goes on she cannot rate it on the web, and the agent who took it cannot rate it at all.
        var page = $"/me/visits/{call.Id:N}";
        Assert.Contains("once it has ended", (await her.Get(page)).Html, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, (await agent.Get(page)).Status);
        var stranger = await People.SignInResident(app, People.NewMobile());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Get(page)).Status);

        // The call ends: one SMS invites her, however often the job or the end button runs.
        Assert.Equal(HttpStatusCode.Redirect, (await agent.Submit("/staff", new Dictionary<string, string>(), "/staff/assist/end")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await agent.Submit("/staff", new Dictionary<string, string>(), "/staff/assist/end")).Status);
        await app.RunDueJobs();
        await Invite(call.Id);
        var invitation = Assert.Single(await Read(db => db.Notifications.AsNoTracking().Where(n => n.Key == InviteToRateVisit.Key(call.Id)).ToListAsync(TestContext.Current.CancellationToken)));
        Assert.Equal(Tongban.Notifications.NotificationChannel.Sms, invitation.Channel);
        Assert.Contains("A call to 12345", invitation.Text, StringComparison.Ordinal);
        Assert.Contains("Reply to this SMS with one digit", invitation.Text, StringComparison.Ordinal);

        Assert.Contains("one digit from 1", await SmsReplies.Reply(app, mobile, "7"), StringComparison.Ordinal);
        Assert.Contains("Thank you", await SmsReplies.Reply(app, mobile, "4"), StringComparison.Ordinal);
        Assert.Contains("already been rated", await SmsReplies.Reply(app, mobile, "1"), StringComparison.Ordinal);
        var rating = Assert.Single(await Read(db => db.Ratings.AsNoTracking().Where(r => r.VisitId == call.Id).ToListAsync(TestContext.Current.CancellationToken)));
        Assert.Equal((VisitService.HotlineCall, Channel.Hotline, RatedVia.Sms, 4), (rating.ServiceCode, rating.ServedOn, rating.RatedVia, rating.Level));
        Assert.Empty(await Rounds(rating.Id));

        // Her page shows the rating, and a forged second one from the web changes nothing.
        var (_, rated, _) = await her.Get(page);
        Assert.Contains("Your rating", rated, StringComparison.Ordinal);
        Assert.DoesNotContain("Send my rating", rated, StringComparison.Ordinal);
        var token = await her.AntiforgeryToken("/me");
        var (_, refused, _) = await her.Post(page, new Dictionary<string, string>(RatingSteps.Form(1)) { ["__RequestVerificationToken"] = token! });
        Assert.Contains("already been rated", refused, StringComparison.Ordinal);
        Assert.Equal(4, Assert.Single(await Read(db => db.Ratings.AsNoTracking().Where(r => r.VisitId == call.Id).ToListAsync(TestContext.Current.CancellationToken))).Level);
    }

    [Fact]
    public async Task ACounterVisitNotRatedThere_IsInvitedThreeDaysLater_AndRatedOnHerPage_AHundredSendsCountingOnce()
    {
        var (her, mobile) = await Resident("苏美华", contact: "Email");
        var clerk = await People.SignInStaff(app, "clerk.futian");
        await Start(clerk, "苏美华", "IdCardInspected");
        var visit = await OpenVisitOf(mobile);
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.Submit("/staff", new Dictionary<string, string>(), "/staff/assist/end")).Status);

        await app.RunDueJobs();
        Assert.Empty(await Read(db => db.Notifications.AsNoTracking().Where(n => n.Key == InviteToRateVisit.Key(visit.Id)).ToListAsync(TestContext.Current.CancellationToken)));
        app.Time.Advance(InviteToRate.ReminderAfter + TimeSpan.FromHours(1));
        await app.RunDueJobs();
        var invitation = Assert.Single(await Read(db => db.Notifications.AsNoTracking().Where(n => n.Key == InviteToRateVisit.Key(visit.Id)).ToListAsync(TestContext.Current.CancellationToken)));
        Assert.Contains("My visits and calls", invitation.Text, StringComparison.Ordinal);
        Assert.Equal($"/me/visits/{visit.Id:N}", invitation.LinkPath);

        // Bad input keeps what she wrote; then a hundred sends at once count once.
        var page = $"/me/visits/{visit.Id:N}";
        her = await People.SignInResident(app, mobile);
        var (_, wrong, _) = await her.Submit(page, RatingSteps.Form(3, "Kind clerk.", ("Convenience", 4)));
        Assert.Contains("This question is not asked", wrong, StringComparison.Ordinal);
        Assert.Contains("Kind clerk.", wrong, StringComparison.Ordinal);
        var token = await her.AntiforgeryToken(page);
        var sends = await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            her.Post(page, new Dictionary<string, string>(RatingSteps.Form(i % 2 == 0 ? 5 : 1, "Kind clerk.", ("Competence", 5))) { ["__RequestVerificationToken"] = token! })));
        Assert.All(sends, s => Assert.NotEqual(HttpStatusCode.InternalServerError, s.Status));
        var rating = Assert.Single(await Read(db => db.Ratings.AsNoTracking().Where(r => r.VisitId == visit.Id).ToListAsync(TestContext.Current.CancellationToken)));
        Assert.Equal((RatedVia.Web, "Kind clerk.", 5), (rating.RatedVia, rating.Comment, rating.Dimensions["Competence"]));
        Assert.Equal(rating.IsBad ? 1 : 0, (await Rounds(rating.Id)).Count);
        Assert.Contains($"You rated it {rating.Level}", (await her.Get("/me/visits")).Html, StringComparison.Ordinal);
    }

    [GeneratedRegex("href=\"(/counter/rate/[A-Za-z0-9_-]{43})\"")]
    private static partial Regex TabletLink();

    /// <summary>A signed-in resident whose ID number is proven, so that a clerk or agent can find her; and her mobile.</summary>
    private async Task<(FormClient Her, string Mobile)> Resident(string name, string contact = "Sms")
    {
        var mobile = People.NewMobile();
        var her = await People.SignInResident(app, mobile);
        var idNumber = People.IdNumberBornOn(new DateOnly(1950, 1, 1));
        var profile = new Dictionary<string, string> { ["Input.FullName"] = name, ["Input.IdNumber"] = idNumber, ["Input.ContactChannel"] = contact, ["Input.Language"] = "en" };
        if (contact == "Email")
        {
            profile["Input.Email"] = $"{Guid.NewGuid():N}@example.org";
        }

        await her.Submit("/me/profile", profile);
        await People.VerifyIdNumber(app, her, mobile, idNumber, name);
        ids[name] = idNumber;
        return (her, mobile);
    }

    private readonly Dictionary<string, string> ids = [];

    private async Task Start(FormClient staff, string name, string check)
    {
        var (status, html, _) = await staff.Submit("/staff/assist", new Dictionary<string, string>
        {
            ["Input.IdNumber"] = ids[name],
            ["Input.FullName"] = name,
            ["Input.IdentityCheck"] = check,
            ["Input.ConsentReference"] = $"VISIT-{Guid.NewGuid():N}"[..20],
        });
        Assert.True(status == HttpStatusCode.Redirect, html);
    }

    private async Task<AssistedSession> OpenVisitOf(string mobile)
    {
        var me = (await People.Resident(app, mobile)).Id;
        return await Read(db => db.AssistedSessions.AsNoTracking().Where(s => s.ResidentId == me).OrderByDescending(s => s.StartedAt).FirstAsync(TestContext.Current.CancellationToken));
    }

    private async Task Invite(Guid visitId)
    {
        await using var scope = app.Scope();
        var job = scope.ServiceProvider.GetServices<IJobHandler>().Single(h => h.Kind == InviteToRateVisit.JobKind);
        await job.Run(visitId.ToString(), TestContext.Current.CancellationToken);
    }

    private Task<List<Rectification>> Rounds(Guid ratingId) =>
        Read(db => db.Rectifications.AsNoTracking().Where(r => r.RatingId == ratingId).OrderBy(r => r.Round).ToListAsync(TestContext.Current.CancellationToken));

    private Task<T> Read<T>(Func<Tongban.Platform.Data.AppDbContext, Task<T>> query) => RatingSteps.Read(app, query);
}
