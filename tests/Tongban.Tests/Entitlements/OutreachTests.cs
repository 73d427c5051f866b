using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Entitlements;
using Tongban.Platform.Audit;
using Tongban.Platform.Data;
using Tongban.Residents;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Entitlements;

/// <summary>One reminder, then no more messages: the outreach list, for the district's community worker and the hotline.</summary>
public sealed class OutreachTests(TongbanAppWithClock app) : IClassFixture<TongbanAppWithClock>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Unanswered_SheIsRemindedOnce_ThenOnHerDistrictsList_AndTheWorkerStartsHerApplicationWithHerConsent()
    {
        var her = await CityResidents.Add(app, age: 88, channel: ContactChannel.Letter);
        var elsewhere = await CityResidents.Add(app, age: 88, channel: ContactChannel.Letter);
        await SetDistrict(elsewhere.Id, "nanshan");
        await RunJob();
        Assert.Equal(1, await Letters(her.Id)); // the invitation (the card was granted: its message is the other one)

        app.Time.Advance(TimeSpan.FromDays(5));
        await RunJob();
        Assert.Null((await Allowance(her.Id)).RemindedAt); // ten working days are not over yet

        app.Time.Advance(TimeSpan.FromDays(11));
        await RunJob();
        Assert.NotNull((await Allowance(her.Id)).RemindedAt);
        Assert.Equal(2, await Letters(her.Id));

        var worker = await People.SignInStaff(app, "worker.futian");
        var (_, html, _) = await worker.Get("/staff/outreach");
        Assert.DoesNotContain((await Allowance(her.Id)).Reference, html, StringComparison.Ordinal); // not yet: the reminder may still be answered

        app.Time.Advance(TimeSpan.FromDays(16));
        await RunJob();
        Assert.NotNull((await Allowance(her.Id)).UnreachedAt);
        Assert.Equal(2, await Letters(her.Id)); // no third message

        worker = await People.SignInStaff(app, "worker.futian"); // a staff session does not last two weeks
        (_, html, _) = await worker.Get("/staff/outreach");
        var offer = await Allowance(her.Id);
        Assert.Contains(offer.Reference, html, StringComparison.Ordinal);
        Assert.Contains("福田区福华路1号", html, StringComparison.Ordinal);
        Assert.DoesNotContain((await Allowance(elsewhere.Id)).Reference, html, StringComparison.Ordinal); // another district
        Assert.DoesNotContain(her.IdNumber!, html, StringComparison.Ordinal); // what reaching her needs, no more
        Assert.Contains(await Trail(her.Id), r => r.ActorKind == ActorKind.Staff && r.Action == AuditAction.Viewed && r.Subject == AuditSubject.Offer(offer.Reference));

        // A worker of another district cannot record a contact for her.
        var agent = await People.SignInStaff(app, "agent.12345");
        var (refused, _, _) = await agent.Submit("/staff/outreach?district=nanshan", new Dictionary<string, string> { ["offer"] = offer.Id.ToString(), ["outcome"] = "Accepts", ["district"] = "nanshan" }, "/staff/outreach?handler=contact");
        Assert.Equal(HttpStatusCode.NotFound, refused);

        var (status, body, _) = await worker.Submit("/staff/outreach", new Dictionary<string, string> { ["offer"] = offer.Id.ToString(), ["outcome"] = "Accepts", ["note"] = "上门，她同意申请" }, "/staff/outreach?handler=contact");
        Assert.True(status == HttpStatusCode.Redirect, body);
        offer = await Allowance(her.Id);
        Assert.Equal((OfferStatus.Accepted, "林秀英", "上门，她同意申请"), (offer.Status, offer.AnsweredBy, offer.LastContact));
        Assert.Contains(await Trail(her.Id), r => r.ActorKind == ActorKind.Staff && r.Action == AuditAction.Accepted && r.Reason == $"outreach:{offer.Reference}");
        (_, html, _) = await worker.Get("/staff/outreach");
        Assert.DoesNotContain(offer.Reference, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHotline_ChoosesADistrict_AndARecordedMoveWithdrawsTheOffer()
    {
        var her = await CityResidents.Add(app, age: 90, channel: ContactChannel.Letter);
        await SetDistrict(her.Id, "yantian");
        await RunJob();
        app.Time.Advance(TimeSpan.FromDays(16));
        await RunJob();
        app.Time.Advance(TimeSpan.FromDays(16));
        await RunJob();

        var agent = await People.SignInStaff(app, "agent.12345");
        var (_, html, _) = await agent.Get("/staff/outreach");
        Assert.Contains("Choose a district", html, StringComparison.Ordinal);
        var offer = await Allowance(her.Id);
        (_, html, _) = await agent.Get("/staff/outreach?district=yantian");
        Assert.Contains(offer.Reference, html, StringComparison.Ordinal);

        var (status, _, _) = await agent.Submit("/staff/outreach?district=yantian", new Dictionary<string, string> { ["offer"] = offer.Id.ToString(), ["outcome"] = "MovedAway", ["district"] = "yantian" }, "/staff/outreach?handler=contact");
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal(OfferStatus.Withdrawn, (await Allowance(her.Id)).Status);

        // A counter clerk finds offers by their reference only, not a district's list; an analyst not at all.
        var clerk = await People.SignInStaff(app, "clerk.futian");
        (_, html, _) = await clerk.Get("/staff/outreach?district=yantian");
        Assert.DoesNotContain("Choose a district", html, StringComparison.Ordinal);
        var analyst = await People.SignInStaff(app, "analyst");
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.Get("/staff/outreach?district=yantian")).Status);
    }

    [Fact]
    public async Task AnInvitationLetterReturnedUndelivered_PutsHerOnTheListAtOnce()
    {
        var her = await CityResidents.Add(app, age: 87, channel: ContactChannel.Letter, district: "pingshan");
        await RunJob();
        await app.RunDueJobs(); // the letter waits for the print run
        await using (var scope = app.Scope())
        {
            var batch = await scope.ServiceProvider.GetRequiredService<Tongban.Notifications.Letters.StartPrintBatch>().Handle(null, "post room", Ct);
            Assert.True(await scope.ServiceProvider.GetRequiredService<Tongban.Notifications.Letters.MarkBatchPosted>().Handle(batch!.Id, "post room", Ct));
        }

        var offer = await Allowance(her.Id);
        var operatorRoom = await People.SignInStaff(app, "operator");
        var (_, _, location) = await operatorRoom.Submit("/staff/letters", new Dictionary<string, string> { ["reference"] = "YQNOSUCH22" }, "/staff/letters?handler=Returned");
        Assert.Equal("/staff/letters?done=unknown", location!.OriginalString);
        (_, _, location) = await operatorRoom.Submit("/staff/letters", new Dictionary<string, string> { ["reference"] = offer.Reference.ToLowerInvariant() }, "/staff/letters?handler=Returned");
        Assert.Equal("/staff/letters?done=returned", location!.OriginalString);

        Assert.NotNull((await Allowance(her.Id)).UnreachedAt);
        await using (var scope = app.Scope())
        {
            var letter = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Notifications.AsNoTracking().SingleAsync(n => n.Reference == offer.Reference, Ct);
            Assert.Equal(Tongban.Notifications.DeliveryStatus.Dead, letter.Status);
        }

        var agent = await People.SignInStaff(app, "agent.12345");
        var (_, html, _) = await agent.Get("/staff/outreach?district=pingshan");
        Assert.Contains(offer.Reference, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AtACounter_TheClerkFindsHerInvitationByItsReference_AndRecordsHerAnswer()
    {
        var her = await CityResidents.Add(app, age: 89, channel: ContactChannel.Letter, district: "longgang");
        await RunJob();
        var offer = await Allowance(her.Id);

        var worker = await People.SignInStaff(app, "worker.futian");
        var (_, html, _) = await worker.Get($"/staff/outreach?reference={offer.Reference}");
        Assert.DoesNotContain(offer.Id.ToString(), html, StringComparison.Ordinal); // another district's worker: her own list only

        var clerk = await People.SignInStaff(app, "clerk.nanshan");
        (_, html, _) = await clerk.Get($"/staff/outreach?reference={offer.Reference.ToLowerInvariant()}");
        Assert.Contains(offer.Id.ToString(), html, StringComparison.Ordinal);
        var (status, body, _) = await clerk.Submit($"/staff/outreach?reference={offer.Reference}", new Dictionary<string, string> { ["offer"] = offer.Id.ToString(), ["outcome"] = "Declines" }, "/staff/outreach?handler=contact");
        Assert.True(status == HttpStatusCode.Redirect, body);

        offer = await Allowance(her.Id);
        Assert.Equal((OfferStatus.Declined, (Channel?)Channel.Counter, "黄丽娟"), (offer.Status, offer.AnsweredChannel, offer.AnsweredBy));
        Assert.Contains(await Trail(her.Id), r => r.ActorKind == ActorKind.Staff && r.Action == AuditAction.Viewed && r.Subject == AuditSubject.Offer(offer.Reference));
    }

    private Task RunJob() => CityResidents.RunDailyJob(app);

    private async Task SetDistrict(Guid residentId, string district)
    {
        await using var scope = app.Scope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().Residents.Where(r => r.Id == residentId).ExecuteUpdateAsync(u => u.SetProperty(r => r.DistrictCode, district), Ct);
    }

    private async Task<Offer> Allowance(Guid residentId)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Offers.AsNoTracking().SingleAsync(o => o.ResidentId == residentId && o.ServiceCode == "elderly-allowance", Ct);
    }

    private async Task<int> Letters(Guid residentId)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Notifications.CountAsync(n => n.ResidentId == residentId && n.Key.StartsWith("offer:") && n.CaseId == null, Ct);
    }

    private async Task<List<AuditRecord>> Trail(Guid residentId)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditRecords.AsNoTracking().Where(r => r.ResidentId == residentId).ToListAsync(Ct);
    }
}
