using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;

namespace Tongban.PartnerApi.Webhooks;

/// <summary>
/// Gives a partner a new secret (when the old one leaked, or was lost). For a day, messages carry a signature by the old
/// one as well, so the partner's servers can change over one by one without refusing a message.
/// </summary>
public sealed class RotateWebhookSecret(AppDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan OldSecretSignsFor = TimeSpan.FromDays(1);

    /// <returns>The new secret, or null when the partner has no subscription.</returns>
    public async Task<string?> Handle(string clientId, CancellationToken cancellationToken)
    {
        var (now, secret) = (clock.GetUtcNow().UtcDateTime, WebhookSignature.NewSecret());
        var rotated = await db.WebhookSubscriptions.Where(s => s.ClientId == clientId).ExecuteUpdateAsync(
            u => u.SetProperty(s => s.PreviousSecret, s => s.Secret).SetProperty(s => s.PreviousSecretUntil, now + OldSecretSignsFor)
                .SetProperty(s => s.Secret, secret).SetProperty(s => s.ChangedAt, now),
            cancellationToken);
        return rotated == 1 ? secret : null;
    }
}
