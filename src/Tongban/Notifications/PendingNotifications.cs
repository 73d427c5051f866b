using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;
using Tongban.Platform.Telemetry;

namespace Tongban.Notifications;

/// <summary>The queue of messages not yet sent (an SMS gateway or mail server down shows here first).</summary>
internal sealed class PendingNotifications : IOperationsFigure
{
    public string Name => "tongban.notifications.pending";

    public string Unit => "{message}";

    public string Description => "Messages to residents written and not yet sent.";

    public Task<long> Read(AppDbContext db, DateTime now, CancellationToken cancellationToken) =>
        db.Notifications.LongCountAsync(n => n.Status == DeliveryStatus.Pending, cancellationToken);
}
