using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Cases;
using Tongban.Notifications;
using Tongban.Platform.Sms;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Notifications;

/// <summary>Messages owed by case actions: written with the action, delivered by the job queue, never lost, never sent twice.</summary>
public sealed class NotificationTests(TongbanAppWithFlakySms app) : IClassFixture<TongbanAppWithFlakySms>
{
    private async Task<(FormClient Resident, string Mobile, string Reference)> AcceptedCase(string? postalAddress = null)
    {
        app.Sms.Down = false;
        var mobile = People.NewMobile();
        var resident = await People.SignInResident(app, mobile);
        return (resident, mobile, await Outbox.AcceptedCardCase(app, resident, postalAddress));
    }

    private Task<Notification> MessageFor(string reference) => Outbox.MessageFor(app, reference);

    private int SmsCount(string mobile, string reference) =>
        app.Services.GetRequiredService<DevelopmentSmsInbox>().Messages.Count(m => m.To == "+86" + mobile && m.Text.Contains(CaseReference.Display(reference), StringComparison.Ordinal));

    [Fact]
    public async Task AnAcceptedCase_SendsOneSmsInHerLanguage_AndTheMessageIsInHerInbox()
    {
        var (resident, mobile, reference) = await AcceptedCase();

        await app.RunDueJobs();
        await app.RunDueJobs();

        Assert.Equal(1, SmsCount(mobile, reference));
        var message = await MessageFor(reference);
        Assert.Equal((NotificationChannel.Sms, DeliveryStatus.Sent), (message.Channel, message.Status));
        Assert.StartsWith("Tongban: ", message.Text, StringComparison.Ordinal); // she signed in using English
        Assert.Contains("accepted", message.Text, StringComparison.Ordinal);
        var (_, inbox, _) = await resident.Get("/me/inbox");
        Assert.Contains(CaseReference.Display(reference), inbox, StringComparison.Ordinal);
        Assert.Contains("sent by SMS", inbox, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailingGateway_DelaysTheMessage_ButLosesNone()
    {
        var (_, mobile, reference) = await AcceptedCase();
        app.Sms.Down = true;

        await app.RunDueJobs();
        app.Time.Advance(TimeSpan.FromMinutes(1));
        await app.RunDueJobs();
        var waiting = await MessageFor(reference);
        Assert.Equal((DeliveryStatus.Pending, 2), (waiting.Status, waiting.Attempts));
        Assert.Contains("gateway unavailable", waiting.LastError, StringComparison.Ordinal);

        app.Sms.Down = false;
        app.Time.Advance(TimeSpan.FromMinutes(2));
        await app.RunDueJobs();
        await app.RunDueJobs();

        Assert.Equal(DeliveryStatus.Sent, (await MessageFor(reference)).Status);
        Assert.Equal(1, SmsCount(mobile, reference));
    }

    [Fact]
    public async Task AfterTheLastAttempt_ALetterIfSheHasAnAddress_OtherwiseADeadLetter()
    {
        var (_, _, withAddress) = await AcceptedCase(postalAddress: "南山区粤海街道科技园1号");
        var (_, _, without) = await AcceptedCase();
        app.Sms.Down = true;

        for (var attempt = 0; attempt <= Notification.MaxAttempts; attempt++)
        {
            await app.RunDueJobs();
            app.Time.Advance(TimeSpan.FromHours(1));
        }

        var letter = await MessageFor(withAddress);
        Assert.Equal((NotificationChannel.Letter, DeliveryStatus.AwaitingPrint, "南山区粤海街道科技园1号"), (letter.Channel, letter.Status, letter.Address));
        var dead = await MessageFor(without);
        Assert.Equal((DeliveryStatus.Dead, Notification.MaxAttempts), (dead.Status, dead.Attempts));

        // Staff see the dead letter and send it again once the gateway is back.
        var officer = await People.SignInStaff(app, "officer.civil");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.Get("/staff/notifications")).Status);
        var agent = await People.SignInStaff(app, "agent.12345");
        var (_, list, _) = await agent.Get("/staff/notifications");
        Assert.Contains(CaseReference.Display(without), list, StringComparison.Ordinal);
        app.Sms.Down = false;
        var (resent, _, _) = await agent.Submit("/staff/notifications", new Dictionary<string, string> { ["id"] = dead.Id.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, resent);
        await app.RunDueJobs();
        Assert.Equal(DeliveryStatus.Sent, (await MessageFor(without)).Status);
        Assert.DoesNotContain(CaseReference.Display(without), (await agent.Get("/staff/notifications")).Html, StringComparison.Ordinal);
    }
}
