using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Notifications;
using Tongban.Platform.Data;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Notifications;

/// <summary>What the outbox holds for a case, read the way the app reads it.</summary>
internal static class Outbox
{
    /// <summary>The one message written for the case with <paramref name="reference"/>.</summary>
    public static async Task<Notification> MessageFor(TongbanApp app, string reference)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var id = await db.Cases.Where(c => c.Reference == reference).Select(c => c.Id).SingleAsync(TestContext.Current.CancellationToken);
        return await db.Notifications.AsNoTracking().SingleAsync(n => n.CaseId == id, TestContext.Current.CancellationToken);
    }
}
