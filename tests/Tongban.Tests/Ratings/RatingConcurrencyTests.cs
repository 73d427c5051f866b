using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Cases.Alerts;
using Tongban.Platform.Calendar;
using Tongban.Platform.Jobs;
using Tongban.Ratings;
using Tongban.Ratings.Rectifications;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Ratings;

/// <summary>Every "only once" of 好差评 under a hundred sends at once: her verdict, the appeal and its decision, a digit by SMS, the deadline job.</summary>
public sealed class RatingConcurrencyTests(TongbanAppWithClock app) : IClassFixture<TongbanAppWithClock>
{
    private const int AtOnce = 100;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Sends the same form a hundred times at once with one token, as a double-pressing browser or a script would.</summary>
    private static async Task<(HttpStatusCode Status, string Html, Uri? Location)[]> AHundredTimes(FormClient client, string page, string action, Func<int, Dictionary<string, string>> fields)
    {
        var token = await client.AntiforgeryToken(page);
        var sent = await Task.WhenAll(Enumerable.Range(0, AtOnce).Select(i => client.Post(action, new Dictionary<string, string>(fields(i)) { ["__RequestVerificationToken"] = token! })));
        Assert.All(sent, s => Assert.True(s.Status is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{s.Status}: {s.Html}"));
        return sent;
    }

    /// <summary>A bad review of an ended case, contacted and answered by the department.</summary>
    private async Task<(FormClient Her, string Reference, Rectification Round, FormClient Officer)> AnsweredBadReview()
    {
        var (her, reference) = await RatingSteps.EndedCase(app);
        Assert.Equal(HttpStatusCode.Redirect, (await her.Submit($"/cases/{reference}/rate", RatingSteps.Form(1, "Nobody answered the phone"))).Status);
        var round = Assert.Single(await RatingSteps.RoundsOf(app, reference));
        var officer = await People.SignInStaff(app, "officer.civil");
        var review = $"/staff/reviews/{round.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await officer.Submit(review, new Dictionary<string, string> { ["Step"] = "Contacted", ["Note"] = "Called her back." })).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.Submit(review, new Dictionary<string, string> { ["Step"] = "Answered", ["Found"] = "One line at lunchtime.", ["Changed"] = "Two lines now." })).Status);
        return (her, reference, round, officer);
    }

    [Fact]
    public async Task AHundredNotSatisfiedAtOnce_OpenOneSecondRound()
    {
        var (her, reference, _, _) = await AnsweredBadReview();
        var page = $"/cases/{reference}/rate";

        await AHundredTimes(her, page, $"{page}?handler=Verdict", _ => new() { ["satisfied"] = "false" });

        var rounds = await RatingSteps.RoundsOf(app, reference);
        Assert.Equal([1, 2], rounds.Select(r => r.Round));
        Assert.Equal(false, rounds[0].Satisfied);
        var alerts = await RatingSteps.Read(app, db => db.StaffAlerts.AsNoTracking().Where(a => a.CaseId == rounds[1].CaseId && a.Kind == StaffAlertKind.BadReview).CountAsync(Ct));
        Assert.True(alerts == 4, $"each of the two civil-affairs officers told once per round, not {alerts} alerts");
    }

    [Fact]
    public async Task AHundredAppealsAtOnce_AndAHundredDecisions_EachCountOnce()
    {
        var (her, reference, round, officer) = await AnsweredBadReview();
        var review = $"/staff/reviews/{round.Id}";
        var appeals = await AHundredTimes(officer, review, $"{review}?handler=Appeal", i => new() { ["Evidence"] = $"An advertisement, not a review ({i})." });
        Assert.Single(appeals, s => s.Status == HttpStatusCode.Redirect);
        var rating = Assert.Single(await RatingSteps.RatingsOf(app, reference));
        Assert.Matches(@"^An advertisement, not a review \(\d+\)\.$", rating.AppealEvidence);

        var decide = $"/staff/appeals/{rating.Id}";
        var head = await People.SignInStaff(app, "head.hr");
        var decisions = await AHundredTimes(head, decide, decide, i => new() { ["upheld"] = i % 2 == 0 ? "true" : "false", ["Reasons"] = $"Reasons {i}." });
        Assert.Single(decisions, s => s.Status == HttpStatusCode.Redirect);

        rating = Assert.Single(await RatingSteps.RatingsOf(app, reference));
        Assert.Equal(rating.AppealUpheld == true, rating.ExcludedAt is not null);
        var trail = await RatingSteps.Read(app, db => db.AuditRecords.AsNoTracking().Where(r => r.ResidentId == rating.ResidentId).ToListAsync(Ct));
        Assert.Single(trail, r => r.Subject.TextKey(r.Action) == "Audit.Changed.Case.RatingAppealed");
        Assert.Single(trail, r => r.Subject.TextKey(r.Action) is "Audit.Changed.Case.RatingExcluded" or "Audit.Changed.Case.RatingAppealRejected");
        var told = await RatingSteps.Read(app, db => db.Notifications.AsNoTracking().CountAsync(n => n.Key == $"rating-appeal:{rating.Id:N}", Ct));
        Assert.Equal(rating.AppealUpheld == true ? 1 : 0, told);
        // Whichever decision came first is the one she sees: the reasons when her review was taken out, nothing otherwise.
        var shown = (await her.Get($"/cases/{reference}/rate")).Html.Contains(rating.AppealDecision!, StringComparison.Ordinal);
        Assert.Equal(rating.AppealUpheld == true, shown);
    }

    [Fact]
    public async Task AHundredDigitsBySmsAtOnce_RateTheCaseOnce()
    {
        var mobile = People.NewMobile();
        var (_, reference) = await RatingSteps.EndedCase(app, mobile);
        var id = (await RatingSteps.Stored(app, reference)).Id;
        app.Time.Advance(InviteToRate.ReminderAfter + TimeSpan.FromHours(1));
        await using (var scope = app.Scope())
        {
            await scope.ServiceProvider.GetServices<IJobHandler>().Single(h => h.Kind == InviteToRate.JobKind).Run(id.ToString(), Ct);
        }

        var replies = await Task.WhenAll(Enumerable.Range(0, AtOnce).Select(i => SmsReplies.Reply(app, mobile, (1 + (i % 5)).ToString(System.Globalization.CultureInfo.InvariantCulture))));

        var rating = Assert.Single(await RatingSteps.RatingsOf(app, reference));
        Assert.Equal(AtOnce - 1, replies.Count(r => r.Contains("already been rated", StringComparison.Ordinal)));
        Assert.Equal(rating.IsBad ? 1 : 0, (await RatingSteps.RoundsOf(app, reference)).Count);
    }

    [Fact]
    public async Task TheDeadlineJobOnAHundredNodesAtOnce_WarnsEachOfficerOnce_AndEscalatesOnce()
    {
        var (her, reference) = await RatingSteps.EndedCase(app);
        Assert.Equal(HttpStatusCode.Redirect, (await her.Submit($"/cases/{reference}/rate", RatingSteps.Form(2))).Status);
        var round = Assert.Single(await RatingSteps.RoundsOf(app, reference));
        var calendar = app.Services.GetRequiredService<WorkingDayCalendar>();
        async Task RunEverywhere()
        {
            await Task.WhenAll(Enumerable.Range(0, AtOnce).Select(async _ =>
            {
                await using var scope = app.Scope();
                await scope.ServiceProvider.GetServices<IJobHandler>().Single(h => h.Kind == OpenRectification.JobKind).Run(round.Id.ToString(), Ct);
            }));
        }

        Task<List<StaffAlertKind>> Alerts() =>
            RatingSteps.Read(app, db => db.StaffAlerts.AsNoTracking().Where(a => a.CaseId == round.CaseId).Select(a => a.Kind).ToListAsync(Ct));

        app.Time.SetUtcNow(CheckRectificationDeadline.WarningAt(round, calendar).AddHours(1));
        await RunEverywhere();
        Assert.Equal(2, (await Alerts()).Count(k => k == StaffAlertKind.ReviewDueNear));

        app.Time.SetUtcNow(CheckRectificationDeadline.LateAt(round).AddHours(1));
        await RunEverywhere();
        Assert.Single(await Alerts(), k => k == StaffAlertKind.ReviewLate);
    }
}
