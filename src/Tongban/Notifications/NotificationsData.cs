using Microsoft.EntityFrameworkCore;
using Tongban.Notifications;
using Tongban.Platform.Data;

// In the root namespace, not the folder's: every feature's code sees the sets without a using, as it saw the
// context's own properties before.
namespace Tongban;

/// <summary>
/// Messages and print batches, as sets of the one database context (not inside expression trees:
/// there use <c>db.Set&lt;T&gt;()</c>). The feature owns them, not the context, so that Platform names no feature.
/// </summary>
public static class NotificationsData
{
    extension(AppDbContext db)
    {
        public DbSet<Notification> Notifications => db.Set<Notification>();
        public DbSet<Notifications.Letters.PrintBatch> PrintBatches => db.Set<Notifications.Letters.PrintBatch>();
    }
}
