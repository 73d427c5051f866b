using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tongban.Catalogue;
using Tongban.Notifications;
using Tongban.Platform.Audit;
using Tongban.Platform.Data;
using Tongban.Platform.Localization;
using Tongban.Platform.Web;

namespace Tongban.Certificates;

public enum CertificateChange
{
    Revoke,
    Suspend,
    Reinstate,
}

/// <summary>
/// An operator revokes a certificate for good, suspends it, or lifts a suspension, with a reason: its bit in the status
/// list changes, the register's row follows (a revoked certificate no longer stands in for a document), the change is
/// appended to the transparency log and put on her trail, and she is told why in her language. A revoked certificate
/// cannot be reinstated: the city issues a new one.
/// </summary>
public sealed class ChangeCertificateStatus(AppDbContext db, CatalogueStore catalogue, CertificateLog log, WriteNotification write, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> t)
{
    public const int MaxReasonLength = 300;

    public async Task<IReadOnlyList<FieldError>> Handle(string? number, CertificateChange change, string? reason, Actor operatorActor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operatorActor);
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > MaxReasonLength)
        {
            return [new("Reason", t["Say why in a sentence of at most {0} characters: the holder will read it.", MaxReasonLength])];
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Lock(CertificateLog.LockKey, cancellationToken);
        number = number?.Trim().ToUpperInvariant();
        var certificate = await db.Certificates.SingleOrDefaultAsync(c => c.Number == number, cancellationToken);
        var refusal = certificate switch
        {
            null => t["No certificate has that number."],
            { RevokedAt: not null } => t["That certificate is revoked: nothing more can change it. Issue a new one instead."],
            { SuspendedAt: not null } when change == CertificateChange.Suspend => t["That certificate is already suspended."],
            { SuspendedAt: null } when change == CertificateChange.Reinstate => t["That certificate is not suspended."],
            _ => null,
        };
        if (refusal is not null)
        {
            return [new("Number", refusal)];
        }

        var now = clock.GetUtcNow().UtcDateTime;
        switch (change)
        {
            case CertificateChange.Revoke:
                (certificate!.RevokedAt, certificate.SuspendedAt) = (now, null);
                await db.ECertificates.Where(e => e.Id == certificate.Id).ExecuteUpdateAsync(u => u.SetProperty(e => e.Revoked, true), cancellationToken);
                break;
            case CertificateChange.Suspend:
                certificate!.SuspendedAt = now;
                break;
            default:
                certificate!.SuspendedAt = null;
                break;
        }

        certificate.StatusReason = reason;
        await log.Append(certificate.Id, $"{change.ToString().ToLowerInvariant()} {certificate.Number} {IssueCertificate.Iso(now)}", cancellationToken);
        await Tell(certificate, change, reason, cancellationToken);
        await audit.Record(certificate.ResidentId, operatorActor, AuditAction.Changed, AuditSubject.Certificate(certificate.Number, change.ToString()), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return [];
    }

    private async Task Tell(Certificate certificate, CertificateChange change, string reason, CancellationToken cancellationToken)
    {
        var resident = await db.Residents.AsNoTracking().SingleAsync(r => r.Id == certificate.ResidentId, cancellationToken);
        var service = (await catalogue.Current(cancellationToken)).Service(certificate.Kind);
        var (subject, text) = ResidentLanguage.Write(resident.PreferredLanguage, culture =>
        {
            var name = service?.Name.In(culture) ?? certificate.Kind;
            return (t["Your e-certificate {0}: {1}", certificate.Number, name].Value, t[$"Certificate.{change}", name, certificate.Number, reason].Value);
        });
        write.Handle(resident, certificate.CaseId, $"certificate-{change.ToString().ToLowerInvariant()}:{certificate.Id:N}:{clock.GetUtcNow().UtcTicks}", subject, text, certificate.Number, "/me/certificates");
    }
}
