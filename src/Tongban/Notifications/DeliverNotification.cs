using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;
using Tongban.Platform.Jobs;
using Tongban.Platform.Sms;

namespace Tongban.Notifications;

/// <summary>
/// Delivers one message. A failing gateway delays it, never loses it: retried with growing pauses; after
/// <see cref="Notification.MaxAttempts"/> an SMS falls back to a letter when she has an address, otherwise the
/// message becomes a dead letter that staff see and can send again. A letter joins the print-and-post queue.
/// </summary>
public sealed class DeliverNotification(AppDbContext db, ISmsSender sms, TimeProvider clock, ILogger<DeliverNotification> logger) : IJobHandler
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
                await sms.Send(message.Address!, message.Text, cancellationToken);
                (message.Status, message.SentAt, message.LastError) = (DeliveryStatus.Sent, now, null);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                message.Attempts++;
                message.LastError = e.Message.Length > 500 ? e.Message[..500] : e.Message;
                logger.LogWarning("SMS notification {Id} failed (attempt {Attempt}): {Error}", message.Id, message.Attempts, e.Message);
                retryAt = message.Attempts < Notification.MaxAttempts ? now + JobRunner.Backoff(message.Attempts) : await FallBack(message, now, cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return retryAt;
    }

    /// <summary>After the last SMS attempt: a letter to her address as it is now, sent on the next run; without one, a dead letter.</summary>
    private async Task<DateTime?> FallBack(Notification message, DateTime now, CancellationToken cancellationToken)
    {
        var postal = await db.Residents.Where(r => r.Id == message.ResidentId).Select(r => r.PostalAddress).SingleAsync(cancellationToken);
        if (postal is { Length: > 0 })
        {
            (message.Channel, message.Address, message.Attempts) = (NotificationChannel.Letter, postal, 0);
            return now;
        }

        message.Status = DeliveryStatus.Dead;
        return null;
    }
}
