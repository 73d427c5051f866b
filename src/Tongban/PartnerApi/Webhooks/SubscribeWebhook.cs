using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;

namespace Tongban.PartnerApi.Webhooks;

/// <summary>What subscribing gave: the subscription, and its secret when it was created now (shown once, never again).</summary>
public sealed record WebhookSubscribed(WebhookSubscription Subscription, string? NewSecret);

/// <summary>
/// A partner gives (or changes) the address its messages go to. The first time, a secret is made and shown once; a
/// change of address keeps it. Under any number of concurrent calls there is one subscription and one secret.
/// </summary>
public sealed class SubscribeWebhook(AppDbContext db, IConfiguration configuration, TimeProvider clock)
{
    /// <returns>The subscription, or why the address will not do (a key of the shared resource).</returns>
    public async Task<(WebhookSubscribed? Subscribed, string? Problem)> Handle(string clientId, string? url, CancellationToken cancellationToken)
    {
        if (WebhookAddress.Problem(url, configuration.GetValue<bool>("Partners:Webhooks:AllowLocal")) is { } problem)
        {
            return (null, problem);
        }

        var (now, secret) = (clock.GetUtcNow().UtcDateTime, WebhookSignature.NewSecret());
        var created = await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "WebhookSubscriptions" ("ClientId", "Url", "Secret", "CreatedAt", "ChangedAt") VALUES ({clientId}, {url}, {secret}, {now}, {now}) ON CONFLICT DO NOTHING""",
            cancellationToken) == 1;
        if (!created)
        {
            await db.WebhookSubscriptions.Where(s => s.ClientId == clientId).ExecuteUpdateAsync(u => u.SetProperty(s => s.Url, url).SetProperty(s => s.ChangedAt, now), cancellationToken);
        }

        var subscription = await db.WebhookSubscriptions.AsNoTracking().SingleAsync(s => s.ClientId == clientId, cancellationToken);
        return (new(subscription, created ? subscription.Secret : null), null);
    }
}
