using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Cases;
using Tongban.Entitlements;
using Tongban.Notifications;
using Tongban.Platform.Audit;
using Tongban.Platform.Data;
using Tongban.Platform.Sms;
using Tongban.Residents;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Entitlements;

/// <summary>The daily job of proactive services, through the real job and database: who is offered what, once, and how.</summary>
public sealed class ProactiveServiceTests(TongbanAppWithClock app) : IClassFixture<TongbanAppWithClock>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TurningSixty_TheSeniorCardIsGrantedWithoutApplication_WithItsReasons_OnHerTrail_AndSheIsToldWhy()
    {
        var her = await CityResidents.Add(app, age: 60);

        await RunJob();
        await RunJob(); // once, never twice

        var offer = Assert.Single(await Offers(her.Id));
        Assert.Equal(("senior-citizen-card", OfferStatus.Granted, ""), (offer.ServiceCode, offer.Status, offer.Occasion));
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var granted = Assert.Single(await db.Cases.AsNoTracking().Where(c => c.ResidentId == her.Id).ToListAsync(Ct));
        Assert.Equal((CaseStatus.Approved, ActorKind.Rule, offer.CaseId), (granted.Status, granted.ActorKind, (Guid?)granted.Id));
        Assert.All(granted.RuleOutcomes, o => Assert.True(o.Passed));
        Assert.Contains(granted.RuleOutcomes, o => o.RuleId == "aged-60");

        // The answers came from what the city holds: her proven number, and the residency its registers give.
        Assert.Contains("\"applicant.residency\":\"hukou\"", granted.AnswersJson, StringComparison.Ordinal);
        Assert.Contains(her.IdNumber!, granted.AnswersJson, StringComparison.Ordinal);

        var trail = Assert.Single(await db.AuditRecords.AsNoTracking().Where(r => r.ResidentId == her.Id).ToListAsync(Ct));
        Assert.Equal((ActorKind.Rule, AuditAction.Created, "entitlement:senior-citizen-card"), (trail.ActorKind, trail.Action, trail.Reason));

        // One message, saying it was granted without an application and why, not "your application was approved".
        var message = Assert.Single(await db.Notifications.AsNoTracking().Where(n => n.ResidentId == her.Id).ToListAsync(Ct));
        Assert.Contains("无需申请", message.Text, StringComparison.Ordinal);
        Assert.Contains("60", message.Text, StringComparison.Ordinal);
        Assert.Equal(granted.Id, message.CaseId);
    }

    [Fact]
    public async Task NothingSheTypedHerself_NorAFactTheCityDoesNotHold_MakesHerEntitled()
    {
        var fiftyNine = await CityResidents.Add(app, age: 59);
        var typedOnly = await CityResidents.Add(app, age: 70, proven: false);
        var residencyUnknown = await CityResidents.Add(app, age: 85, hukou: false);

        await RunJob();

        Assert.Empty(await Offers(fiftyNine.Id));
        Assert.Empty(await Offers(typedOnly.Id));
        Assert.Empty(await Offers(residencyUnknown.Id)); // neither the card (residency unknown) nor the allowance (hukou unknown)
    }

    [Fact]
    public async Task TurningEighty_SheIsInvitedBySms_WithAReplyCode_InHerLanguage()
    {
        var mobile = People.NewMobile();
        var her = await CityResidents.Add(app, age: 80, mobile: mobile, language: "en");

        await RunJob();
        await app.RunDueJobs(); // delivers the messages

        var offers = await Offers(her.Id);
        var allowance = Assert.Single(offers, o => o.ServiceCode == "elderly-allowance");
        Assert.Equal(OfferStatus.Invited, allowance.Status);
        Assert.Equal(OfferStatus.Granted, Assert.Single(offers, o => o.ServiceCode == "senior-citizen-card").Status);
        var sms = Assert.Single(app.Services.GetRequiredService<DevelopmentSmsInbox>().Messages, m => m.To == "+86" + mobile && m.Text.Contains("Reply", StringComparison.Ordinal));
        Assert.Contains("Elderly allowance", sms.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(allowance.Reference, sms.Text, StringComparison.Ordinal);
        var code = System.Text.RegularExpressions.Regex.Match(sms.Text, "\"1 ([2-9A-Z]{8})\"").Groups[1].Value;
        Assert.Equal(allowance.ReplyCodeHash, OfferCodes.Hash(code));
    }

    [Fact]
    public async Task ABirthCertificate_InvitesTheParentItNames_WithTheCertificateFilledIn_OncePerChild()
    {
        var mother = await CityResidents.Add(app, age: 31, channel: ContactChannel.Letter);
        var first = await CityResidents.Certificate(app, "birth-certificate", holder: People.IdNumberBornOn(new DateOnly(2026, 11, 28)), named: mother.IdNumber);

        await RunJob();
        await RunJob();
        var second = await CityResidents.Certificate(app, "birth-certificate", holder: People.IdNumberBornOn(new DateOnly(2026, 11, 29)), named: mother.IdNumber);
        await RunJob();

        var offers = await Offers(mother.Id);
        Assert.Equal(new[] { first.Number, second.Number }.Order(StringComparer.Ordinal), offers.Where(o => o.ServiceCode == "newborn-medical-insurance").Select(o => o.Occasion).Order(StringComparer.Ordinal));
        Assert.All(offers, o => Assert.Equal(OfferStatus.Invited, o.Status));
        Assert.Contains($"\"child.birthCertificateNumber\":\"{first.Number}\"", offers.Single(o => o.Occasion == first.Number).AnswersJson, StringComparison.Ordinal);

        // She chose letters: the invitation waits for the print run, with the offer's reference to print.
        var letters = await Notifications(mother.Id);
        Assert.All(letters, l => Assert.Equal(NotificationChannel.Letter, l.Channel));
        Assert.Equal(offers.Select(o => o.Reference).Order(StringComparer.Ordinal), letters.Select(l => l.Reference!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ADeath_OffersTheFuneralWaiverToTheNextOfKin_AndWithdrawsWhatWasOfferedToTheDeceased()
    {
        var son = await CityResidents.Add(app, age: 55);
        var father = await CityResidents.Add(app, age: 84);
        await RunJob();
        Assert.Contains(await Offers(father.Id), o => o.ServiceCode == "elderly-allowance" && o.Status == OfferStatus.Invited);

        await CityResidents.Certificate(app, "death-certificate", holder: father.IdNumber!, named: son.IdNumber);
        await RunJob();

        var waiver = Assert.Single(await Offers(son.Id), o => o.ServiceCode == "funeral-fee-waiver");
        Assert.Equal(OfferStatus.Invited, waiver.Status);
        Assert.Contains($"\"death.idNumber\":\"{father.IdNumber}\"", waiver.AnswersJson, StringComparison.Ordinal);
        Assert.Contains("\"death.residency\":\"hukou\"", waiver.AnswersJson, StringComparison.Ordinal);
        Assert.Equal(OfferStatus.Withdrawn, Assert.Single(await Offers(father.Id), o => o.ServiceCode == "elderly-allowance").Status);
    }

    [Fact]
    public async Task TheEndOfAJob_InvitesHerToUnemploymentBenefit()
    {
        var her = await CityResidents.Add(app, age: 38);
        await CityResidents.Certificate(app, "employment-termination", holder: her.IdNumber!, daysAgo: 10);
        var longAgo = await CityResidents.Add(app, age: 38);
        await CityResidents.Certificate(app, "employment-termination", holder: longAgo.IdNumber!, daysAgo: 90);

        await RunJob();

        Assert.Equal(OfferStatus.Invited, Assert.Single(await Offers(her.Id)).Status);
        Assert.Empty(await Offers(longAgo.Id)); // past the 60 days its rule allows
    }

    [Fact]
    public async Task SheAskedForNoOffers_NothingIsOffered_AndWhatWasOpenIsWithdrawn()
    {
        var her = await CityResidents.Add(app, age: 82);
        var later = await CityResidents.Add(app, age: 82);
        await SetNoOffers(later.Id);
        await RunJob();
        Assert.NotEmpty(await Offers(her.Id));
        Assert.Empty(await Offers(later.Id));

        await SetNoOffers(her.Id);
        await RunJob();
        Assert.Equal(OfferStatus.Withdrawn, Assert.Single(await Offers(her.Id), o => o.ServiceCode == "elderly-allowance").Status);
    }

    [Fact]
    public async Task FourRunsAtOnce_AsOnSeveralNodes_OfferEachEntitlementOnce()
    {
        var residents = new List<Resident>();
        for (var i = 0; i < 12; i++)
        {
            residents.Add(await CityResidents.Add(app, age: 80 + i));
        }

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(RunJob, Ct)));

        foreach (var r in residents)
        {
            var offers = await Offers(r.Id);
            Assert.Equal(["elderly-allowance", "senior-citizen-card"], offers.Select(o => o.ServiceCode).Order());
        }

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ids = residents.Select(r => r.Id).ToList();
        Assert.Equal(12, await db.Cases.CountAsync(c => ids.Contains(c.ResidentId), Ct));
    }

    private Task RunJob() => CityResidents.RunDailyJob(app);

    private async Task SetNoOffers(Guid residentId)
    {
        await using var scope = app.Scope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().Residents.Where(r => r.Id == residentId)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.NoProactiveOffers, true), Ct);
    }

    private Task<List<Offer>> Offers(Guid residentId) => CityResidents.Offers(app, residentId);

    private async Task<List<Notification>> Notifications(Guid residentId)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Notifications.AsNoTracking().Where(n => n.ResidentId == residentId).ToListAsync(Ct);
    }
}
