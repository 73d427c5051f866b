using Tongban.Platform.Data;
using Tongban.Platform.Email;
using Tongban.Platform.Jobs;
using Tongban.Residents;

namespace Tongban.Notifications;

/// <summary>
/// Adds one message to the outbox, on her best way (<see cref="NotifyResident.BestChannel"/>), and schedules its
/// delivery; joins the caller's unit of work. Every message is also in her portal inbox.
/// </summary>
public sealed class WriteNotification(AppDbContext db, JobScheduler jobs, TimeProvider clock, IEnumerable<IEmailSender> email)
{
    /// <param name="sendTo">Her record, or the part of it that says how to reach her.</param>
    /// <param name="caseId">The case it is about, if any.</param>
    /// <param name="key">What it is about, unique: the same key never makes two messages.</param>
    /// <param name="subject">For an email or a letter, in her language.</param>
    /// <param name="text">In her language.</param>
    /// <param name="reference">For a message not about a case: the reference a letter prints.</param>
    /// <param name="linkPath">For a message not about a case: the page a letter's QR code opens.</param>
    public Notification Handle(Resident sendTo, Guid? caseId, string key, string subject, string text, string? reference = null, string? linkPath = null)
    {
        ArgumentNullException.ThrowIfNull(sendTo);
        var (channel, address) = NotifyResident.BestChannel(sendTo, email.Any());
        var now = clock.GetUtcNow().UtcDateTime;
        var notification = new Notification
        {
            Id = Guid.NewGuid(),
            ResidentId = sendTo.Id,
            CaseId = caseId,
            Key = key,
            Reference = reference,
            LinkPath = linkPath,
            Text = text,
            Subject = subject,
            Channel = channel,
            Address = address,
            Status = channel == NotificationChannel.Inbox ? DeliveryStatus.Sent : DeliveryStatus.Pending,
            CreatedAt = now,
            SentAt = channel == NotificationChannel.Inbox ? now : null,
        };
        db.Notifications.Add(notification);
        if (notification.Status == DeliveryStatus.Pending)
        {
            jobs.ScheduleForNewSubject(NotifyResident.JobKind, notification.Id.ToString(), now);
        }

        return notification;
    }
}
