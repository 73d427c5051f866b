using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;
using Tongban.Platform.Email;
using Tongban.Platform.Jobs;
using Tongban.Platform.Sms;

namespace Tongban.Notifications;

/// <summary>
/// Delivers one message. A failing gateway or mail server delays it, never loses it: retried with growing
/// pauses; after <see cref="Notification.MaxAttempts"/> it falls back to her next way (SMS → email → letter,
/// after her preferred one), and with none left it becomes a dead letter that staff see and can send again.
/// A letter joins the print-and-post queue.
/// </summary>
public sealed class DeliverNotification(AppDbContext db, ISmsSender sms, IEnumerable<IEmailSender> email, TimeProvider clock, ILogger<DeliverNotification> logger) : IJobHandler
{
    public string Kind => NotifyResident.JobKind;

    public async Task<DateTime?> Run(string subject, CancellationToken cancellationToken)
    {
        var message = Guid.TryParse(subject, out var id) ? await db.Notifications.SingleOrDefaultAsync(n => n.Id == id, cancellationToken) : null;
        if (message is not { Status: DeliveryStatus.Pending })
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        DateTime? retryAt = null;
        if (message.Channel == NotificationChannel.Letter)
        {
            message.Status = DeliveryStatus.AwaitingPrint;
        }
        else
        {
            try
            {
                await Send(message, cancellationToken);
                (message.Status, message.SentAt, message.LastError) = (DeliveryStatus.Sent, now, null);
            }
            // Whatever the gateway or mail server did wrong, the message waits and is tried again; staff see the error.
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                message.Attempts++;
                message.LastError = e.Message.Length > 500 ? e.Message[..500] : e.Message;
                logger.LogWarning("{Channel} notification {Id} failed (attempt {Attempt}): {Error}", message.Channel, message.Id, message.Attempts, e.Message);
                retryAt = message.Attempts < Notification.MaxAttempts ? now + JobRunner.Backoff(message.Attempts) : await FallBack(message, now, cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return retryAt;
    }

    private Task Send(Notification message, CancellationToken cancellationToken) => message.Channel switch
    {
        NotificationChannel.Sms => sms.Send(message.Address!, message.Text, cancellationToken),
        NotificationChannel.Email => (email.FirstOrDefault() ?? throw new InvalidOperationException("No SMTP server is configured (Email:Smtp:Host)."))
            .Send(message.Address!, message.Subject, message.Text, cancellationToken),
        _ => throw new InvalidOperationException($"Channel {message.Channel} is not sent this way."),
    };

    /// <summary>After the last attempt: the next way to reach her as her profile is now (sent on the next run); without one, a dead letter.</summary>
    private async Task<DateTime?> FallBack(Notification message, DateTime now, CancellationToken cancellationToken)
    {
        var resident = await db.Residents.AsNoTracking().SingleAsync(r => r.Id == message.ResidentId, cancellationToken);
        var ways = NotifyResident.ChannelsFor(resident, email.Any()).ToList();
        // After the failing way; if she no longer has that way at all, from her best one.
        if (ways.Skip(ways.FindIndex(w => w.Channel == message.Channel) + 1).ToList() is [var next, ..])
        {
            (message.Channel, message.Address, message.Attempts) = (next.Channel, next.Address, 0);
            return now;
        }

        message.Status = DeliveryStatus.Dead;
        return null;
    }
}
