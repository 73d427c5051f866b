using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Audit;
using Tongban.Platform.Data;

namespace Tongban.Entitlements.Outreach;

/// <summary>One resident to reach in person, with only what reaching her needs.</summary>
public sealed record OutreachLine(Guid OfferId, string Reference, string ServiceCode, string? Name, string? Mobile, string? Address, DateTime? UnreachedAt, string? LastContact);

/// <summary>
/// The residents of a district whom neither an invitation nor its reminder reached, or the one open offer whose
/// reference she gives on the phone or at a counter: her name, how to reach her and what she is entitled to, no
/// more. Each one shown goes on her "who acted for me" trail.
/// </summary>
public sealed class OutreachList(AppDbContext db, AuditTrail audit)
{
    public const int PageSize = 50;

    /// <param name="district">The district whose unreached residents to list; null with <paramref name="reference"/>.</param>
    /// <param name="reference">An offer's reference, as she gives it: that offer while it is open, in any district.</param>
    /// <param name="viewer">Who looks, for her trail.</param>
    /// <param name="cancellationToken">Stops the lookup.</param>
    public async Task<IReadOnlyList<OutreachLine>> Handle(string? district, string? reference, Actor viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var typed = reference?.Trim().ToUpperInvariant();
        var lines = await db.Offers.AsNoTracking()
            .Where(o => o.Status == OfferStatus.Invited && (typed == null ? o.UnreachedAt != null : o.Reference == typed))
            .Join(db.Residents.AsNoTracking().Where(r => district == null || r.DistrictCode == district), o => o.ResidentId, r => r.Id, (o, r) => new { Offer = o, Resident = r })
            .OrderBy(x => x.Offer.UnreachedAt).Take(PageSize)
            .Select(x => new
            {
                x.Offer.ResidentId,
                Line = new OutreachLine(x.Offer.Id, x.Offer.Reference, x.Offer.ServiceCode, x.Resident.FullName, x.Resident.MobileNumber ?? x.Resident.UnconfirmedMobileNumber,
                    x.Resident.PostalAddress, x.Offer.UnreachedAt, x.Offer.LastContact),
            })
            .ToListAsync(cancellationToken);
        foreach (var x in lines)
        {
            await audit.Record(x.ResidentId, viewer, AuditAction.Viewed, AuditSubject.Offer(x.Line.Reference), cancellationToken);
        }

        return lines.Select(x => x.Line).ToList();
    }
}
