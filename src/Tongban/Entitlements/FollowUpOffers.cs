using Microsoft.EntityFrameworkCore;
using Tongban.Catalogue;
using Tongban.Platform.Calendar;
using Tongban.Platform.Data;
using Tongban.Residents.Certificates;

namespace Tongban.Entitlements;

/// <summary>What the follow-up did.</summary>
public readonly record struct FollowedUp(int Reminded, int Unreached, int Withdrawn);

/// <summary>
/// The daily follow-up of open invitations: withdrawn when she has died or asked for no offers; one reminder after the
/// entitlement's number of working days without an answer; after as many again, no more messages: she is "unreached"
/// and on her district's outreach list, for a community worker or a 12345 agent to contact in person.
/// </summary>
public sealed class FollowUpOffers(AppDbContext db, InviteToOffer invite, WorkingDayCalendar calendar, TimeProvider clock)
{
    private const int Batch = 500;

    public async Task<FollowedUp> Handle(CatalogueSnapshot snapshot, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var now = clock.GetUtcNow().UtcDateTime;
        var (residents, certificates) = (db.Residents, db.ECertificates);
        var withdrawn = await db.Offers
            .Where(o => o.Status == OfferStatus.Invited)
            .Where(o => residents.Any(r => r.Id == o.ResidentId && (r.NoProactiveOffers
                || certificates.Any(c => c.Kind == ECertificate.DeathCertificate && !c.Revoked && c.HolderIdNumber == r.IdNumber))))
            .ExecuteUpdateAsync(u => u.SetProperty(o => o.Status, OfferStatus.Withdrawn).SetProperty(o => o.Version, o => o.Version + 1), cancellationToken);

        var open = await db.Offers.AsNoTracking().Where(o => o.Status == OfferStatus.Invited && o.UnreachedAt == null)
            .Select(o => new { o.Id, o.ServiceCode, o.CreatedAt, o.RemindedAt }).ToListAsync(cancellationToken);
        var due = open.Where(o => snapshot.Entitlement(o.ServiceCode) is { } e
                && today >= calendar.AddWorkingDays(DateOnly.FromDateTime(CityTime.Local(o.RemindedAt ?? o.CreatedAt)), e.RemindAfterWorkingDays))
            .Select(o => o.Id).ToList();
        var (reminded, unreached) = (0, 0);
        foreach (var chunk in due.Chunk(Batch))
        {
            var offers = await db.Offers.Where(o => chunk.Contains(o.Id) && o.Status == OfferStatus.Invited)
                .Join(db.Residents, o => o.ResidentId, r => r.Id, (o, r) => new { Offer = o, Resident = r }).ToListAsync(cancellationToken);
            var (chunkReminded, chunkUnreached) = (0, 0);
            foreach (var (offer, resident) in offers.Select(x => (x.Offer, x.Resident)))
            {
                offer.Version++;
                if (offer.RemindedAt is null && snapshot.Service(offer.ServiceCode) is { } service && snapshot.Entitlement(service.Code) is { } entitlement)
                {
                    invite.Handle(resident, offer, service, entitlement.Why, reminder: true);
                    offer.RemindedAt = now;
                    chunkReminded++;
                }
                else
                {
                    offer.UnreachedAt = now;
                    chunkUnreached++;
                }
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                (reminded, unreached) = (reminded + chunkReminded, unreached + chunkUnreached);
            }
            catch (DbUpdateConcurrencyException)
            {
                // She answered while the batch was being written (the offer's version changed): tomorrow's run looks again.
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        return new(reminded, unreached, withdrawn);
    }
}
