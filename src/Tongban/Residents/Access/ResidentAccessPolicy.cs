using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tongban.Partners;
using Tongban.Platform.Audit;
using Tongban.Platform.Auth;
using Tongban.Platform.Data;
using Tongban.Residents.Assisted;
using Tongban.Residents.Delegations;

namespace Tongban.Residents.Access;

public enum ResidentOperation
{
    /// <summary>See her profile: herself, a proxy for all services, staff in an assisted session.</summary>
    ViewProfile,

    /// <summary>Correct her profile: herself, or staff in an assisted session (she is there, she consented).</summary>
    ChangeProfile,

    /// <summary>See who acted for her: herself, or staff showing her in an assisted session.</summary>
    SeeActivity,

    /// <summary>Apply for or follow a service for her: herself, a proxy whose scope covers it, staff in an assisted session.</summary>
    ActOnService,

    /// <summary>Examine and decide her case for a service: case officers and heads of the department that runs the service.</summary>
    ReviewCase,
}

/// <summary>
/// The one place that decides who may do what with a resident's data, on every request. The answer is the
/// actor to record in her trail, or null for no.
/// </summary>
public sealed class ResidentAccessPolicy(ActingFor acting, AppDbContext db, TimeProvider clock, Catalogue.CatalogueStore catalogue, PartnerChannel partners)
{
    /// <summary>Whose data this request is about: herself or the person she validly acts for; for staff, the resident of the open assisted session.</summary>
    public async Task<Guid?> Subject(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        switch (context.User.Identity?.AuthenticationType)
        {
            case AuthSetup.ResidentScheme:
                return await acting.SubjectId(context);
            case AuthSetup.StaffScheme when context.User.Id() is { } staffId:
                return await db.AssistedSessions.AsNoTracking().OpenFor(staffId, clock.GetUtcNow().UtcDateTime)
                    .OrderByDescending(s => s.StartedAt).Select(s => (Guid?)s.ResidentId).FirstOrDefaultAsync(context.RequestAborted);
            default:
                return null;
        }
    }

    public async Task<Actor?> Decide(HttpContext context, Guid residentId, ResidentOperation operation, string? serviceCode = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.User;
        if (user.Id() is not { } me)
        {
            return null;
        }

        switch (user.Identity?.AuthenticationType)
        {
            case AuthSetup.ResidentScheme when me == residentId:
                return operation == ResidentOperation.ReviewCase ? null : partners.OnItsChannel(context, Actor.Self(residentId));
            case AuthSetup.ResidentScheme:
                var state = await acting.Current(context);
                if (state is not { Valid: true, Delegation: var d } || d.GrantorId != residentId)
                {
                    return null;
                }

                var allowed = operation switch
                {
                    ResidentOperation.ViewProfile => d.AllServices,
                    ResidentOperation.ActOnService => d.Covers(serviceCode),
                    _ => false,
                };
                return allowed ? partners.OnItsChannel(context, AcceptDelegation.ProxyActor(d)) : null;
            case AuthSetup.StaffScheme when operation == ResidentOperation.ReviewCase:
                var department = (await catalogue.Current(context.RequestAborted)).Service(serviceCode)?.Department?.Code;
                var reviews = user.IsInRole(nameof(Staff.StaffRole.CaseOfficer)) || user.IsInRole(nameof(Staff.StaffRole.DepartmentHead));
                return reviews && department is not null && user.FindFirst(Staff.StaffPrincipal.DepartmentClaim)?.Value == department
                    ? user.StaffActor(Channel.Office, $"department:{department}")
                    : null;
            case AuthSetup.StaffScheme:
                var session = await db.AssistedSessions.AsNoTracking().OpenFor(me, clock.GetUtcNow().UtcDateTime)
                    .Where(s => s.ResidentId == residentId)
                    .SingleOrDefaultAsync(context.RequestAborted);
                return session is null ? null : session.Actor(user.Identity.Name ?? "") with { Role = user.FindFirstValue(ClaimTypes.Role) };
            default:
                return null;
        }
    }
}
