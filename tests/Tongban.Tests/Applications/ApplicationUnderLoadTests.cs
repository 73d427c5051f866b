using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Tongban.Applications;
using Tongban.Cases;
using Tongban.Platform.Data;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Applications;

/// <summary>Forms under load: pages shown without a write, and many answers to one draft at once (double clicks, two tabs, retries).</summary>
public sealed partial class ApplicationTests
{
    [Fact]
    public async Task AHundredAnswersToOneDraftAtOnce_AreAllSaved_AndNoneFails()
    {
        var (browser, mobile) = await ResidentWithProfile(new DateOnly(1940, 5, 1));
        var (_, _, next) = await browser.Get("/services/elderly-allowance/apply");
        (_, _, next) = await browser.Submit(next!.OriginalString, ElderlyAllowance["applicant.residency"]);
        var question = next!.OriginalString;
        Assert.EndsWith("/bank.accountNumber", question, StringComparison.Ordinal);
        var (_, page, _) = await browser.Get(question);
        var token = Token().Match(page).Groups[1].Value;
        var draftId = await DraftOf(mobile);
        var before = await Revision(draftId);

        var numbers = Enumerable.Range(0, 100).Select(i => $"6222 0000 1111 {i:D4}").ToList();
        using var commits = new MetricCollector<int>(app.Services.GetRequiredService<IMeterFactory>(), SqliteWriteGate.MeterName, GroupCommit<object, object>.BatchSize);
        var answers = await Task.WhenAll(numbers.Select(n => browser.Post(question, new Dictionary<string, string> { ["answer"] = n, ["__RequestVerificationToken"] = token })));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.Status));
        Assert.All(answers, a => Assert.EndsWith("/check", a.Location!.OriginalString, StringComparison.Ordinal));
        Assert.Equal(before + numbers.Count, await Revision(draftId)); // every answer saved in its turn, none lost
        var sizes = commits.GetMeasurementSnapshot().Select(m => m.Value).ToList();
        Assert.True(sizes.Sum() >= numbers.Count && sizes.Max() > 1, $"commits of {string.Join(", ", sizes)}"); // answers waiting together shared a commit
        await using var scope = app.Scope();
        var draft = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Drafts.AsNoTracking().SingleAsync(d => d.Id == draftId, TestContext.Current.CancellationToken);
        Assert.Contains(draft.Answers()["bank.accountNumber"], numbers);
    }

    [Fact]
    public async Task OneDraftSentAHundredTimesAtOnce_MakesOneCase_AndEverySendingIsAnsweredWithIt()
    {
        var (browser, _) = await ResidentWithProfile(new DateOnly(1940, 5, 1));
        var check = await AnswerAll(browser, "/services/elderly-allowance/apply", ElderlyAllowance);
        var (_, page, _) = await browser.Get(check);
        var draft = DraftField().Match(page).Groups[1].Value;
        var form = new Dictionary<string, string> { ["draft"] = draft, ["__RequestVerificationToken"] = Token().Match(page).Groups[1].Value };
        var sentBefore = await SentForms();

        // Retries after a cut connection, double clicks, a proxy resending: a hundred sendings of one draft at once.
        var sendings = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => browser.Post(check, form)));

        Assert.All(sendings, s => Assert.Equal(HttpStatusCode.Redirect, s.Status));
        Assert.Single(sendings.Select(s => s.Location!.OriginalString).Distinct());
        await using var scope = app.Scope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<AppDbContext>().Cases.CountAsync(c => c.DraftId == Guid.Parse(draft), TestContext.Current.CancellationToken));
        Assert.Equal(sentBefore + 1, await SentForms());
    }

    [Fact]
    public async Task ResidentsSendingAtOnce_ShareCommits_AndEachGetsHerOwnCase_Once()
    {
        var residents = new List<(FormClient Browser, Guid ResidentId, string Check, Dictionary<string, string> Form)>();
        for (var i = 0; i < 12; i++)
        {
            var (browser, mobile) = await ResidentWithProfile(new DateOnly(1940, 5, 1));
            var check = await AnswerAll(browser, "/services/elderly-allowance/apply", ElderlyAllowance);
            var (_, page, _) = await browser.Get(check);
            var form = new Dictionary<string, string> { ["draft"] = DraftField().Match(page).Groups[1].Value, ["__RequestVerificationToken"] = Token().Match(page).Groups[1].Value };
            residents.Add((browser, (await Infrastructure.People.Resident(app, mobile)).Id, check, form));
        }

        // Each presses "send" five times at once: sixty sendings, twelve residents, in whatever groups they meet.
        using var commits = new MetricCollector<int>(app.Services.GetRequiredService<IMeterFactory>(), SqliteWriteGate.MeterName, GroupCommit<object, object>.BatchSize);
        var sendings = await Task.WhenAll(residents.SelectMany(r => Enumerable.Range(0, 5).Select(async _ => (r.ResidentId, Sent: await r.Browser.Post(r.Check, r.Form)))));

        Assert.All(sendings, s => Assert.Equal(HttpStatusCode.Redirect, s.Sent.Status));
        Assert.All(sendings, s => Assert.Contains("/apply/done/", s.Sent.Location!.OriginalString, StringComparison.Ordinal));
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var (browser, residentId, _, form) in residents)
        {
            var cases = await db.Cases.AsNoTracking().Where(c => c.ResidentId == residentId).ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal(Guid.Parse(form["draft"]), Assert.Single(cases).DraftId); // hers, from her draft, once
            Assert.Equal(CaseStatus.Approved, cases[0].Status);
            Assert.Single(sendings.Where(s => s.ResidentId == residentId).Select(s => s.Sent.Location!.OriginalString).Distinct());
        }

        var groups = commits.GetMeasurementSnapshot().Where(m => Equals(m.Tags["writer"], "submissions")).Select(m => m.Value).ToList();
        Assert.True(groups.Sum() == sendings.Length && groups.Max() > 1, $"groups of {string.Join(", ", groups)}"); // sendings that waited together shared a commit
    }

    [Fact]
    public async Task AHundredFirstVisitsToAFormAtOnce_StartOneDraft_AndEveryVisitGoesOnWithIt()
    {
        var (browser, mobile) = await ResidentWithProfile(new DateOnly(1940, 5, 1));

        // Two tabs, a double click, a partner app and the web at the same moment: none has a draft to find yet.
        var visits = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => browser.Get("/services/elderly-allowance/apply")));

        Assert.All(visits, v => Assert.Equal(HttpStatusCode.Redirect, v.Status));
        Assert.Single(visits.Select(v => v.Location!.OriginalString).Distinct()); // all sent to the same first question
        var draftId = await DraftOf(mobile); // exactly one draft: DraftOf fails on none or on two
        Assert.Equal(0, await Revision(draftId)); // and nobody saved over it
    }

    [Fact]
    public async Task ShowingAQuestion_WritesNothing_AndItsStepIsCountedJustAfter()
    {
        var (browser, _) = await ResidentWithProfile(new DateOnly(1941, 3, 9), statistics: true);
        var (_, _, question) = await browser.Get("/services/elderly-allowance/apply"); // starts her draft
        var funnel = app.Services.GetRequiredService<RecordFormStep>();
        await funnel.Flush();
        var before = await Viewed();

        // Every table is closed to writers (SQLite: the one write lock; PostgreSQL: each table locked against writes):
        // a page that wrote anything would wait here until the lock is gone.
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
            if (!db.Database.IsSqlite())
            {
                var tables = string.Join(", ", db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Select(t => $"\"{t}\""));
                var lockEveryTable = "LOCK TABLE " + tables + " IN EXCLUSIVE MODE"; // names from the model, not from input
                await db.Database.ExecuteSqlRawAsync(lockEveryTable, TestContext.Current.CancellationToken);
            }

            var shown = browser.Get(question!.OriginalString);
            Assert.Same(shown, await Task.WhenAny(shown, Task.Delay(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken)));
            Assert.Equal(HttpStatusCode.OK, (await shown).Status);
        }

        await funnel.Flush();
        var viewed = await Viewed();
        Assert.Equal(before.Count + 1, viewed.Count);
        Assert.Equal(("applicant.residency", "futian", "80+"), (viewed[^1].Page, viewed[^1].District, viewed[^1].AgeBand)); // her group, as she agreed
    }

    [Fact]
    public async Task AQuestionPage_ReadsOnlyWhatItNeeds()
    {
        var (browser, _) = await ResidentWithProfile(new DateOnly(1942, 8, 1));
        var (_, _, question) = await browser.Get("/services/elderly-allowance/apply"); // starts her draft
        await browser.Get(question!.OriginalString); // the first time a page is served compiles what it needs

        using var commands = new RequestCommands();
        using var request = new HttpRequestMessage(HttpMethod.Get, question.OriginalString);
        request.Headers.Add("traceparent", commands.TraceParent);
        Assert.Equal(HttpStatusCode.OK, (await browser.Send(request)).Status);

        // Her cookie's session, then her draft with her earlier cases in one round trip: nothing else, and no write.
        Assert.True(commands.Commands.Count <= 2, string.Join("\n---\n", commands.Commands));
        Assert.NotEmpty(commands.Commands); // what is counted is this request's
        Assert.All(commands.Commands, c => Assert.StartsWith("SELECT", c.TrimStart(), StringComparison.OrdinalIgnoreCase));
    }

    private async Task<List<FormEvent>> Viewed()
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().FormEvents.AsNoTracking()
            .Where(e => e.FormKey == "services/elderly-allowance" && e.Step == FormStep.Viewed).OrderBy(e => e.Id).ToListAsync(TestContext.Current.CancellationToken);
    }

    private async Task<Guid> DraftOf(string mobile)
    {
        var resident = await People.Resident(app, mobile);
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Drafts.Where(d => d.ResidentId == resident.Id).Select(d => d.Id).SingleAsync(TestContext.Current.CancellationToken);
    }

    private async Task<int> Revision(Guid draftId)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Drafts.Where(d => d.Id == draftId).Select(d => d.Revision).SingleAsync(TestContext.Current.CancellationToken);
    }
}
