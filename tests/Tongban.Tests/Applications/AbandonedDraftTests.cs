using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Applications;
using Tongban.Platform.Data;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Applications;

/// <summary>The funnel's "abandoned", counted by the daily job on a clock the test moves (an app of its own).</summary>
public sealed class AbandonedDraftTests(TongbanAppWithClock app) : IClassFixture<TongbanAppWithClock>
{
    private const string Form = "/services/elderly-allowance/apply";

    [Fact]
    public async Task ADraftLeftForAWeek_IsCountedAbandonedOnceWhereSheStopped_AndAgainIfSheStopsAgain()
    {
        // She agreed to be counted and lives in Dapeng, which no other test here uses: her group tells her events apart.
        var mobile = People.NewMobile();
        var browser = await People.SignInResident(app, mobile);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Submit("/me/profile", new Dictionary<string, string>
        {
            ["Input.FullName"] = "陈桂芳",
            ["Input.IdNumber"] = People.IdNumberBornOn(new DateOnly(1941, 8, 3)),
            ["Input.ContactChannel"] = "Sms",
            ["Input.District"] = "dapeng",
            ["Input.StatisticsConsent"] = "true",
        })).Status);
        var (_, _, next) = await browser.Get(Form);
        Assert.Equal($"{Form}/applicant.residency", next!.OriginalString);
        await browser.Submit(next.OriginalString, Applying.Fields("hukou"));

        await app.RunDueJobs();
        Assert.Empty(await Abandoned()); // six days and a bit to go

        app.Time.Advance(TimeSpan.FromDays(8));
        await app.RunDueJobs();
        var first = Assert.Single(await Abandoned());
        Assert.Equal(("services/elderly-allowance", "applicant.address", "80+", Channel.Online), (first.FormKey, first.Page, first.AgeBand, first.Channel));

        app.Time.Advance(TimeSpan.FromDays(1));
        await app.RunDueJobs();
        Assert.Single(await Abandoned()); // counted once, however often the job runs

        // She comes back (signing in again after so long), answers one more question, and stops again.
        await People.SignInResident(app, mobile, browser: browser);
        await browser.Submit($"{Form}/applicant.address", Applying.Fields("大鹏新区葵涌街道1号"));
        app.Time.Advance(TimeSpan.FromDays(8));
        await app.RunDueJobs();
        Assert.Equal(["applicant.address", "bank.accountNumber"], (await Abandoned()).Select(e => e.Page));

        // Sent at last: a submitted draft is never counted, however long ago it was touched.
        await People.SignInResident(app, mobile, browser: browser);
        await browser.Submit($"{Form}/bank.accountNumber", Applying.Fields("6222000011112222"));
        await browser.Submit($"{Form}/check", new Dictionary<string, string>());
        app.Time.Advance(TimeSpan.FromDays(8));
        await app.RunDueJobs();
        Assert.Equal(2, (await Abandoned()).Count);
    }

    private async Task<List<FormEvent>> Abandoned()
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().FormEvents.AsNoTracking()
            .Where(e => e.Step == FormStep.Abandoned && e.District == "dapeng").OrderBy(e => e.At).ToListAsync(TestContext.Current.CancellationToken);
    }
}
