using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongban.Cases;
using Tongban.Platform.Audit;
using Tongban.Platform.Data;

namespace Tongban.PartnerApi.V1;

/// <summary>
/// <c>/api/v1/me/appointments</c> and <c>/api/v1/me/certificates</c>: her appointments at service halls and her
/// e-certificates, for a partner she allowed to see her cases (scope <c>cases.read</c>, whose words name both). Each
/// one shown goes on her trail under the partner's name.
/// </summary>
public static class ResidentRecordsEndpoints
{
    public const int MaxItems = 100;

    public static RouteGroupBuilder MapResidentRecords(this RouteGroupBuilder v1)
    {
        ArgumentNullException.ThrowIfNull(v1);
        v1.MapGet("/me/appointments", Appointments).WithName("listMyAppointments").WithMetadata(new RequiresScope(PartnerScopes.ReadCases))
            .WithSummary("Her appointments at service halls, latest first, up to 100 (scope cases.read).");
        v1.MapGet("/me/certificates", Certificates).WithName("listMyCertificates").WithMetadata(new RequiresScope(PartnerScopes.ReadCases))
            .WithSummary("Her e-certificates with their signed credentials, newest first, up to 100 (scope cases.read).");
        return v1;
    }

    private static async Task<Results<Ok<ApiList<ApiAppointment>>, ProblemHttpResult>> Appointments(
        HttpContext http, PartnerCaller caller, AppDbContext db, AuditTrail audit, CancellationToken cancellationToken)
    {
        if (await ApiProblems.ActingFor(http, caller, PartnerScopes.ReadCases, cancellationToken) is not { ResidentId: { } residentId } call)
        {
            return ApiProblems.NotAllowed(PartnerScopes.ReadCases);
        }

        var bookings = await db.Bookings.AsNoTracking().Where(b => b.ResidentId == residentId).OrderByDescending(b => b.StartsAt).Take(MaxItems).ToListAsync(cancellationToken);
        foreach (var booking in bookings)
        {
            await audit.Record(residentId, call.Actor, AuditAction.Viewed, AuditSubject.Booking(CaseReference.Display(booking.Reference)), cancellationToken);
        }

        return TypedResults.Ok(new ApiList<ApiAppointment>(
            [.. bookings.Select(b => new ApiAppointment(CaseReference.Display(b.Reference), b.ServiceCode, b.HallCode, b.StartsAt, b.Status.ToString()))], bookings.Count));
    }

    private static async Task<Results<Ok<ApiList<ApiCertificate>>, ProblemHttpResult>> Certificates(
        HttpContext http, PartnerCaller caller, AppDbContext db, AuditTrail audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await ApiProblems.ActingFor(http, caller, PartnerScopes.ReadCases, cancellationToken) is not { ResidentId: { } residentId } call)
        {
            return ApiProblems.NotAllowed(PartnerScopes.ReadCases);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var certificates = await db.Certificates.AsNoTracking().Where(c => c.ResidentId == residentId).OrderByDescending(c => c.IssuedAt).Take(MaxItems).ToListAsync(cancellationToken);
        foreach (var certificate in certificates)
        {
            await audit.Record(residentId, call.Actor, AuditAction.Viewed, AuditSubject.Certificate(certificate.Number), cancellationToken);
        }

        return TypedResults.Ok(new ApiList<ApiCertificate>([.. certificates.Select(c => new ApiCertificate(
            c.Number, c.Kind, c.IssuedAt, c.ValidUntil, c.RevokedAt is not null ? "revoked" : c.SuspendedAt is not null ? "suspended" : c.ValidUntil < now ? "expired" : "valid", c.Jwt))], certificates.Count));
    }
}
