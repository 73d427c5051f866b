using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;
using Tongban.Platform.Email;
using Tongban.Platform.Jobs;

namespace Tongban.Notifications;

/// <summary>Sends a dead letter again from the start, on the channel her profile gives now (she may have added a mobile or an address).</summary>
public sealed class ResendNotification(AppDbContext db, JobScheduler jobs, TimeProvider clock, IEnumerable<IEmailSender> email)
{
    public async Task<bool> Handle(Guid notificationId, CancellationToken cancellationToken)
    {
        var message = await db.Notifications.SingleOrDefaultAsync(n => n.Id == notificationId && n.Status == DeliveryStatus.Dead, cancellationToken);
        if (message is null)
        {
            return false;
        }

        var resident = await db.Residents.AsNoTracking().SingleAsync(r => r.Id == message.ResidentId, cancellationToken);
        (message.Channel, message.Address) = NotifyResident.BestChannel(resident, email.Any());
        (message.Status, message.Attempts, message.LastError) = (message.Channel == NotificationChannel.Inbox ? DeliveryStatus.Sent : DeliveryStatus.Pending, 0, null);
        if (message.Status == DeliveryStatus.Pending)
        {
            await jobs.Schedule(NotifyResident.JobKind, message.Id.ToString(), clock.GetUtcNow().UtcDateTime, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
