using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongban.Cases;
using Tongban.Catalogue;
using Tongban.Platform.Audit;
using Tongban.Platform.Data;

namespace Tongban.PartnerApi.V1;

/// <summary>
/// <c>/api/v1/me/cases</c>: her cases, for a partner she allowed to see them (scope <c>cases.read</c>). Every look is on
/// her "who acted for me" trail with the partner's name and the consent it looked under.
/// </summary>
public static class ResidentCasesEndpoints
{
    public const int MaxLimit = 200;

    public static RouteGroupBuilder MapResidentCases(this RouteGroupBuilder v1)
    {
        ArgumentNullException.ThrowIfNull(v1);
        v1.MapGet("/me/cases", List).WithName("listMyCases").WithMetadata(new RequiresScope(PartnerScopes.ReadCases)).ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Her cases, newest first (scope cases.read). 'offset' from 0, 'limit' 1–200 (50 by default).");
        v1.MapGet("/me/cases/{reference}", One).WithName("getMyCase").WithMetadata(new RequiresScope(PartnerScopes.ReadCases)).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One of her cases by the reference on her letters, with or without the hyphens (scope cases.read).");
        return v1;
    }

    private static async Task<Results<Ok<ApiList<ApiCase>>, ProblemHttpResult>> List(
        HttpContext http, PartnerCaller caller, AppDbContext db, AuditTrail audit, CatalogueStore catalogue, int? offset, int? limit, CancellationToken cancellationToken)
    {
        if (await ApiProblems.ActingFor(http, caller, PartnerScopes.ReadCases, cancellationToken) is not { ResidentId: { } residentId } call)
        {
            return ApiProblems.NotAllowed(PartnerScopes.ReadCases);
        }

        if (offset is < 0 || limit is < 1 or > MaxLimit)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Out of range.", detail: $"'offset' is 0 or more; 'limit' is 1 to {MaxLimit}.");
        }

        var snapshot = await catalogue.Current(cancellationToken);
        var mine = db.Cases.AsNoTracking().Where(c => c.ResidentId == residentId);
        var total = await mine.CountAsync(cancellationToken);
        var page = await mine.OrderByDescending(c => c.SubmittedAt).ThenBy(c => c.Reference).Skip(offset ?? 0).Take(limit ?? 50).ToListAsync(cancellationToken);
        await audit.Record(residentId, call.Actor, AuditAction.Viewed, AuditSubject.Applications, cancellationToken);
        return TypedResults.Ok(new ApiList<ApiCase>([.. page.Select(c => ToApi(c, snapshot))], total));
    }

    private static async Task<Results<Ok<ApiCase>, ProblemHttpResult>> One(
        HttpContext http, PartnerCaller caller, AppDbContext db, AuditTrail audit, CatalogueStore catalogue, string reference, CancellationToken cancellationToken)
    {
        if (await ApiProblems.ActingFor(http, caller, PartnerScopes.ReadCases, cancellationToken) is not { ResidentId: { } residentId } call)
        {
            return ApiProblems.NotAllowed(PartnerScopes.ReadCases);
        }

        var found = await Hers(db, residentId, reference, cancellationToken);
        if (found is null)
        {
            // Someone else's case reads as no case at all: a partner learns nothing from guessing references.
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such case.", detail: "She has no case with this reference.");
        }

        await audit.Record(residentId, call.Actor, AuditAction.Viewed, AuditSubject.Case(CaseReference.Display(found.Reference)), cancellationToken);
        return TypedResults.Ok(ToApi(found, await catalogue.Current(cancellationToken)));
    }

    /// <summary>Her case by the reference on her letters (with or without hyphens); someone else's is none.</summary>
    internal static async Task<Case?> Hers(AppDbContext db, Guid residentId, string reference, CancellationToken cancellationToken) =>
        CaseReference.Normalize(reference) is { } normalized
            ? await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Reference == normalized && c.ResidentId == residentId, cancellationToken)
            : null;

    internal static ApiCase ToApi(Case c, CatalogueSnapshot snapshot) => new(
        CaseReference.Display(c.Reference), c.ServiceCode, snapshot.Service(c.ServiceCode) is { } s ? ApiText.Of(s.Name) : new ApiText(c.ServiceCode, c.ServiceCode),
        c.Status.ToString(), c.SubmittedAt, c.DueOn, c.DecidedAt, c.Channel.ToString());
}
