using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Tongban.Cases;
using Tongban.Cases.Log;
using Tongban.Platform.Data;
using Tongban.Platform.Jobs;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Cases;

/// <summary>
/// Time limits on the real calendar: 2026's Spring Festival holiday runs 15–23 February, and Saturday
/// 14 and 28 February are make-up working days. The test's clock starts on Monday 9 February.
/// </summary>
public sealed class CaseDeadlineTests(TongbanAppBeforeSpringFestival app) : IClassFixture<TongbanAppBeforeSpringFestival>
{
    /// <summary>Moves the fake clock to the given day and hour in the city (UTC+8).</summary>
    private void At(int month, int day, int hour)
    {
        var target = new DateTimeOffset(2026, month, day, hour, 0, 0, TimeSpan.FromHours(8));
        Assert.True(target >= app.Time.GetUtcNow(), "the test's steps must go forward in time");
        app.Time.SetUtcNow(target);
    }

    private async Task<Case> Stored(string reference)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Cases.AsNoTracking().SingleAsync(c => c.Reference == reference, TestContext.Current.CancellationToken);
    }

    private async Task<List<CaseActionKind>> Log(string reference)
    {
        var c = await Stored(reference);
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().CaseActions.AsNoTracking()
            .Where(a => a.CaseId == c.Id).OrderBy(a => a.Sequence).Select(a => a.Kind).ToListAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The workbench's "needs your attention" list with its spaces collapsed, or nothing when it has none.</summary>
    private static string Attention(string workbench) => System.Text.RegularExpressions.Regex.Replace(
        System.Text.RegularExpressions.Regex.Match(workbench, "<ul class=\"alerts\">(.*?)</ul>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value, @"\s+", " ");

    private static async Task Act(FormClient browser, string url, CaseActionKind kind, Dictionary<string, string>? fields = null)
    {
        var (status, html, _) = await browser.Submit(url, new Dictionary<string, string>(fields ?? []) { ["Act"] = kind.ToString() });
        Assert.True(status == System.Net.HttpStatusCode.Redirect, html);
    }

    private async Task<int> DueJobs()
    {
        await using var scope = app.Scope();
        var now = app.Time.GetUtcNow().UtcDateTime;
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Jobs.CountAsync(j => j.DoneAt == null && j.RunAt <= now, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task TheTimeLimitSkipsTheHoliday_StopsWhileSheIsAsked_WarnsAt80Percent_AndEscalatesOnceAtBreach()
    {
        var mobile = People.NewMobile();
        var resident = await People.SignInResident(app, mobile);
        var watched = await Applying.Apply(resident, "senior-citizen-card", CaseWorkflowTests.TooYoungForTheCard);
        // A second card for the same person may not be asked for while the first is pending: the paused case is her neighbour's.
        var neighbour = People.NewMobile();
        var paused = await Applying.Apply(await People.SignInResident(app, neighbour), "senior-citizen-card", CaseWorkflowTests.TooYoungForTheCard);
        // Until accepted the limit counts from submission: 5 working days after Monday 9 February is the make-up Saturday.
        Assert.Equal(new DateOnly(2026, 2, 14), (await Stored(watched)).DueOn);

        // Thursday 12 February: accepted. 13, 14 (make-up Saturday), then 24, 25, 26 after the holiday.
        At(2, 12, 9);
        var officer = await People.SignInStaff(app, "officer.civil");
        await Act(officer, $"/staff/cases/{watched}", CaseActionKind.Accepted);
        await Act(officer, $"/staff/cases/{paused}", CaseActionKind.Accepted);
        Assert.Equal(new DateOnly(2026, 2, 26), (await Stored(watched)).DueOn);

        // Friday 13 February: a one-time notice stops the second case's clock; she answers on Wednesday 25.
        At(2, 13, 10);
        officer = await People.SignInStaff(app, "officer.civil");
        await Act(officer, $"/staff/cases/{paused}", CaseActionKind.MoreInformationRequested, new() { ["Items"] = "Household register" });
        At(2, 25, 11);
        resident = await People.SignInResident(app, neighbour);
        await Act(resident, $"/cases/{paused}", CaseActionKind.InformationProvided, new() { ["Text"] = "Brought to the hall today." });
        // 3 working days waited (14, 24, 25) are added: 8 working days from the 12th is Monday 2 March (28 February is worked).
        Assert.Equal(new DateOnly(2026, 3, 2), (await Stored(paused)).DueOn);

        // 80 %: four of five working days have passed at the end of Wednesday 25; nothing before.
        At(2, 25, 23);
        await app.RunDueJobs();
        Assert.Null((await Stored(watched)).WarnedFor);
        At(2, 26, 0);
        app.Time.Advance(TimeSpan.FromMinutes(5));
        await app.RunDueJobs();
        Assert.Equal(new DateOnly(2026, 2, 26), (await Stored(watched)).WarnedFor);
        Assert.Null((await Stored(paused)).WarnedFor);
        // The officer who has the case is told on her workbench; her colleague is not.
        officer = await People.SignInStaff(app, "officer.civil");
        var attention = Attention((await officer.Get("/staff")).Html);
        Assert.Contains($"{CaseReference.Display(watched)}</a>: most of its time is used up", attention, StringComparison.Ordinal);
        Assert.DoesNotContain(CaseReference.Display(paused), attention, StringComparison.Ordinal);
        Assert.DoesNotContain(CaseReference.Display(watched), Attention((await (await People.SignInStaff(app, "officer2.civil")).Get("/staff")).Html), StringComparison.Ordinal);

        // Breach at the end of Thursday 26: two nodes run the due jobs at the same moment; one escalation.
        // (Just before, other due work, such as the database statistics, is done, so that only the breach is due.)
        At(2, 26, 23);
        await app.RunDueJobs();
        At(2, 27, 0);
        app.Time.Advance(TimeSpan.FromMinutes(5));
        var otherNode = new JobRunner(app.Services.GetRequiredService<IServiceScopeFactory>(), app.Time, NullLogger<JobRunner>.Instance, app.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()) { Node = "node-b" };
        var due = await DueJobs();
        var ran = await Task.WhenAll(app.RunDueJobs(), otherNode.RunDue(TestContext.Current.CancellationToken));
        Assert.Equal(due, ran.Sum()); // each due job (the breach, and the audit log's minutely anchoring) ran once across the two nodes
        Assert.Equal(0, await app.RunDueJobs());
        Assert.Equal(1, (await Log(watched)).Count(k => k == CaseActionKind.Escalated));
        Assert.NotNull((await Stored(watched)).EscalatedAt);
        Assert.DoesNotContain(CaseActionKind.Escalated, await Log(paused));

        // The paused case breaches only after Monday 2 March.
        At(3, 3, 0);
        app.Time.Advance(TimeSpan.FromMinutes(5));
        await app.RunDueJobs();
        Assert.Contains(CaseActionKind.Escalated, await Log(paused));

        // The head is told of both escalations, once each however often the jobs ran, and so is the officer.
        var head = await People.SignInStaff(app, "head.civil");
        var told = Attention((await head.Get("/staff")).Html);
        Assert.Contains($"{CaseReference.Display(watched)}</a>: its time limit", told, StringComparison.Ordinal);
        Assert.Contains($"{CaseReference.Display(paused)}</a>: its time limit", told, StringComparison.Ordinal);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(told, "escalated to the department head"));
        officer = await People.SignInStaff(app, "officer.civil");
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(Attention((await officer.Get("/staff")).Html), "<li>"));

        // Marked read, an alert leaves her workbench.
        var alert = System.Text.RegularExpressions.Regex.Match(told, "name=\"id\" value=\"([^\"]+)\"").Groups[1].Value;
        var (read, _, _) = await head.Submit("/staff", new Dictionary<string, string> { ["id"] = alert }, "/staff?handler=Read");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, read);
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(Attention((await head.Get("/staff")).Html), "escalated to the department head"));

        // The head sees both escalated, past their limits, on the officer who accepted them; officers do not get her view.
        var (_, overview, _) = await head.Get("/staff/overview");
        var figures = System.Text.RegularExpressions.Regex.Replace(overview, @"\s+", " ");
        Assert.Contains("<dt>Escalated to you</dt><dd>2</dd>", figures, StringComparison.Ordinal);
        Assert.Contains("<dt>Past the time limit</dt><dd>2</dd>", figures, StringComparison.Ordinal);
        Assert.Contains("<tr><td data-label=\"Officer\">赵磊</td><td data-label=\"Open cases\">2</td><td data-label=\"Past the time limit\">2</td></tr>", figures, StringComparison.Ordinal);
        Assert.Contains(CaseReference.Display(watched), overview, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await (await People.SignInStaff(app, "officer.civil")).Get("/staff/overview")).Status);
    }
}
