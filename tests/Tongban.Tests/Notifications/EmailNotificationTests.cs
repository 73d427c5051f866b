using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Cases;
using Tongban.Cases.Log;
using Tongban.Notifications;
using Tongban.Platform.Sms;
using Tongban.Tests.Cases;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Notifications;

/// <summary>Email through MailKit to a real SMTP server on this machine; a failing server delays mail and then falls back to SMS.</summary>
public sealed class EmailNotificationTests(TongbanAppWithSmtp app) : IClassFixture<TongbanAppWithSmtp>
{
    private async Task<(string Mobile, string Email, string Reference)> AcceptedCaseForSomeoneWhoPrefersEmail(string language)
    {
        var mobile = People.NewMobile();
        var email = $"resident{mobile}@example.cn";
        var resident = await People.SignInResident(app, mobile);
        var (status, html, _) = await resident.Submit("/me/profile", new Dictionary<string, string>
        {
            ["Input.FullName"] = "林小燕",
            ["Input.IdNumber"] = People.IdNumberBornOn(new DateOnly(1990, 6, 1)),
            ["Input.ContactChannel"] = "Email",
            ["Input.Email"] = email,
            ["Input.Language"] = language,
            ["Input.PostalAddress"] = "福田区福中三路1号",
        });
        Assert.True(status == HttpStatusCode.Redirect, html);
        var reference = await Applying.Apply(resident, "senior-citizen-card", CaseWorkflowTests.TooYoungForTheCard);
        var officer = await People.SignInStaff(app, "officer.civil");
        (status, html, _) = await officer.Submit($"/staff/cases/{reference}", new Dictionary<string, string> { ["Act"] = nameof(CaseActionKind.Accepted) });
        Assert.True(status == HttpStatusCode.Redirect, html);
        return (mobile, email, reference);
    }

    private Task<Notification> MessageFor(string reference) => Outbox.MessageFor(app, reference);

    [Fact]
    public async Task SheChoseEmail_TheMessageReachesTheSmtpServer_InHerLanguage_Once()
    {
        app.Smtp.Failing = false;
        var (_, email, reference) = await AcceptedCaseForSomeoneWhoPrefersEmail("en");

        await app.RunDueJobs();
        await app.RunDueJobs();

        var mail = Assert.Single(app.Smtp.Received, m => m.To.Mailboxes.Any(a => a.Address == email));
        Assert.Contains(CaseReference.Display(reference), mail.Subject, StringComparison.Ordinal);
        Assert.Contains("has been accepted", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal("no-reply@tongban.test", mail.From.Mailboxes.Single().Address);
        var message = await MessageFor(reference);
        Assert.Equal((NotificationChannel.Email, DeliveryStatus.Sent), (message.Channel, message.Status));
    }

    [Fact]
    public async Task AFailingMailServer_DelaysTheMessage_ThenHerNextWayIsUsed()
    {
        app.Smtp.Failing = true;
        var (mobile, email, reference) = await AcceptedCaseForSomeoneWhoPrefersEmail("zh-CN");

        for (var attempt = 0; attempt < Tongban.Notifications.Notification.MaxAttempts; attempt++)
        {
            await app.RunDueJobs();
            app.Time.Advance(TimeSpan.FromHours(1));
        }

        // The last failed attempt moves the message to her next way, which the same run of due jobs then uses.
        await app.RunDueJobs();

        Assert.DoesNotContain(app.Smtp.Received, m => m.To.Mailboxes.Any(a => a.Address == email));
        Assert.Single(app.Services.GetRequiredService<DevelopmentSmsInbox>().Messages, m => m.To == "+86" + mobile && m.Text.Contains(CaseReference.Display(reference), StringComparison.Ordinal));
        var moved = await MessageFor(reference);
        Assert.Equal((NotificationChannel.Sms, DeliveryStatus.Sent), (moved.Channel, moved.Status));
    }

    [Fact]
    public async Task AMistypedEmail_IsRefusedWithAMessage_AndNothingTypedIsLost()
    {
        var resident = await People.SignInResident(app, People.NewMobile());
        foreach (var typed in new[] { "not an email", "a@b", "\"Li\" <li@example.cn>", "li@example.cn, wang@example.cn", new string('a', 250) + "@example.cn" })
        {
            var (status, html, _) = await resident.Submit("/me/profile", new Dictionary<string, string> { ["Input.FullName"] = "林小燕", ["Input.ContactChannel"] = "Email", ["Input.Email"] = typed });
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains("Enter an email address like name@example.com.", html, StringComparison.Ordinal);
            Assert.Contains(WebUtility.HtmlEncode(typed), html, StringComparison.Ordinal);
        }

        var (_, missing, _) = await resident.Submit("/me/profile", new Dictionary<string, string> { ["Input.FullName"] = "林小燕", ["Input.ContactChannel"] = "Email" });
        Assert.Contains("Enter the email address we should write to.", missing, StringComparison.Ordinal);
    }
}
