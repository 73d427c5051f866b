using Microsoft.EntityFrameworkCore;
using Tongban.Notifications;
using Tongban.Notifications.Letters;
using Tongban.Platform.Data;

namespace Tongban.Entitlements;

/// <summary>
/// An invitation letter the post brought back: waiting for a reminder by the same way would reach nobody, so she goes
/// on her district's outreach list at once.
/// </summary>
public sealed class WhenInvitationReturned(AppDbContext db, TimeProvider clock) : ILetterReturned
{
    public async Task Follow(Notification letter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(letter);
        if (letter.Reference is not { } reference)
        {
            return;
        }

        var offer = await db.Offers.SingleOrDefaultAsync(o => o.Reference == reference && o.ResidentId == letter.ResidentId && o.Status == OfferStatus.Invited, cancellationToken);
        if (offer is { UnreachedAt: null })
        {
            offer.UnreachedAt = clock.GetUtcNow().UtcDateTime;
            offer.Version++;
        }
    }
}
