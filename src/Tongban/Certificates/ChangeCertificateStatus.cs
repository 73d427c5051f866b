using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;

namespace Tongban.Certificates;

public enum CertificateChange
{
    Revoke,
    Suspend,
    Reinstate,
}

/// <summary>
/// An operator revokes a certificate for good, suspends it, or lifts a suspension: its bit in the status list changes,
/// the register's row follows (a revoked certificate no longer stands in for a document), and the change is appended to
/// the transparency log. A revoked certificate cannot be reinstated: the city issues a new one.
/// </summary>
public sealed class ChangeCertificateStatus(AppDbContext db, CertificateLog log, TimeProvider clock)
{
    /// <returns>False when the change does not apply (unknown number, already revoked, nothing to reinstate).</returns>
    public async Task<bool> Handle(string number, CertificateChange change, string reason, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Lock(CertificateLog.LockKey, cancellationToken);
        var certificate = await db.Certificates.SingleOrDefaultAsync(c => c.Number == number, cancellationToken);
        if (certificate is null || certificate.RevokedAt is not null || (change == CertificateChange.Reinstate && certificate.SuspendedAt is null)
            || (change == CertificateChange.Suspend && certificate.SuspendedAt is not null))
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        switch (change)
        {
            case CertificateChange.Revoke:
                (certificate.RevokedAt, certificate.SuspendedAt) = (now, null);
                await db.ECertificates.Where(e => e.Id == certificate.Id).ExecuteUpdateAsync(u => u.SetProperty(e => e.Revoked, true), cancellationToken);
                break;
            case CertificateChange.Suspend:
                certificate.SuspendedAt = now;
                break;
            default:
                certificate.SuspendedAt = null;
                break;
        }

        certificate.StatusReason = reason;
        await log.Append(certificate.Id, $"{change.ToString().ToLowerInvariant()} {certificate.Number} {IssueCertificate.Iso(now)}", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
