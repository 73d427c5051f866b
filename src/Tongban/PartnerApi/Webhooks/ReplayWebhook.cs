using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;
using Tongban.Platform.Jobs;

namespace Tongban.PartnerApi.Webhooks;

/// <summary>
/// Sends one of a partner's messages again, delivered or given up (its server lost it, or was down for longer than the
/// retries last): same id, same body, a fresh signature and a fresh round of retries. Replaying a message already waiting
/// changes nothing; replayed a hundred times at once, it is sent once.
/// </summary>
public sealed class ReplayWebhook(AppDbContext db, JobScheduler jobs, TimeProvider clock)
{
    /// <returns>The message as it now stands, or null when the partner has none with that id.</returns>
    public async Task<WebhookDelivery?> Handle(string clientId, Guid id, CancellationToken cancellationToken)
    {
        var replayed = await db.WebhookDeliveries.Where(d => d.Id == id && d.ClientId == clientId && d.Status != WebhookDeliveryStatus.Pending).ExecuteUpdateAsync(
            u => u.SetProperty(d => d.Status, WebhookDeliveryStatus.Pending).SetProperty(d => d.Attempts, 0).SetProperty(d => d.Replays, d => d.Replays + 1),
            cancellationToken);
        if (replayed == 1)
        {
            await jobs.Schedule(DeliverWebhook.JobKind, id.ToString(), clock.GetUtcNow().UtcDateTime, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        return await db.WebhookDeliveries.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id && d.ClientId == clientId, cancellationToken);
    }
}
