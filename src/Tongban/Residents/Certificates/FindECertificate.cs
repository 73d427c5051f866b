using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;

namespace Tongban.Residents.Certificates;

/// <summary>The e-certificate of a kind the city holds about a person: the newest one still valid, if any.</summary>
public sealed class FindECertificate(AppDbContext db, Platform.Audit.AuditTrail audit)
{
    /// <summary>
    /// Her own certificate, for her own form: only by the ID number proven to be hers, never by one she typed,
    /// or typing someone else's number would show that person's records (docs/adr/0016).
    /// </summary>
    public async Task<ECertificate?> OfApplicant(string kind, Guid residentId, string? answeredIdNumber, CancellationToken cancellationToken)
    {
        var proven = await db.Residents.Where(r => r.Id == residentId).Select(r => r.IdNumber).SingleOrDefaultAsync(cancellationToken);
        return proven is not null && proven == ResidentIdNumber.Normalize(answeredIdNumber) ? await Handle(kind, proven, cancellationToken) : null;
    }

    /// <summary>
    /// Someone else's certificate used in a form (the deceased's death certificate): goes on that person's trail, so that
    /// a use of her records by someone who typed her ID number is visible to her (or to whoever settles her affairs).
    /// </summary>
    public async Task RecordUse(ECertificate certificate, Platform.Audit.Actor usedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var holder = await db.Residents.Where(r => r.IdNumber == certificate.HolderIdNumber).Select(r => (Guid?)r.Id).SingleOrDefaultAsync(cancellationToken);
        if (holder is { } id)
        {
            await audit.Record(id, usedBy, Platform.Audit.AuditAction.Viewed, Platform.Audit.AuditSubject.Certificate(certificate.Number, "UsedInApplication"), cancellationToken);
        }
    }

    public async Task<ECertificate?> Handle(string kind, string? holderIdNumber, CancellationToken cancellationToken)
    {
        var holder = ResidentIdNumber.Normalize(holderIdNumber);
        if (holder.Length != 18)
        {
            return null;
        }

        return await db.ECertificates.AsNoTracking()
            .Where(c => c.Kind == kind && c.HolderIdNumber == holder && !c.Revoked)
            .OrderByDescending(c => c.IssuedOn).FirstOrDefaultAsync(cancellationToken);
    }
}
