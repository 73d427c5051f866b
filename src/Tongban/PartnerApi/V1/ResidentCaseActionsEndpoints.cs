using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tongban.Cases;
using Tongban.Cases.Log;
using Tongban.Catalogue;
using Tongban.Platform.Audit;
using Tongban.Platform.Data;
using Tongban.Platform.Files;
using Tongban.Platform.Localization;

namespace Tongban.PartnerApi.V1;

/// <summary>
/// <c>/api/v1/me/cases/{reference}/history</c> and <c>/actions</c>: the steps of her case as her case page shows them
/// (scope <c>cases.read</c>), and, on a case the partner sent (scope <c>applications.write</c>), what she may do on it:
/// answer the office's request for information (with documents, as multipart, at <c>/information</c>), withdraw it, ask
/// for a person to look again. Through the one way a case
/// changes (AppendCaseAction), so the rules, the clock, her messages and the partner's webhooks follow as on the web.
/// </summary>
public static class ResidentCaseActionsEndpoints
{
    /// <summary>What she may do on her case through a partner at <c>/actions</c> (an answer with documents goes to <c>/information</c>).</summary>
    public static IReadOnlyList<CaseActionKind> Allowed { get; } = [CaseActionKind.InformationProvided, CaseActionKind.Withdrawn, CaseActionKind.ReviewRequested];

    public static RouteGroupBuilder MapResidentCaseActions(this RouteGroupBuilder v1)
    {
        ArgumentNullException.ThrowIfNull(v1);
        v1.MapGet("/me/cases/{reference}/history", History).WithName("getMyCaseHistory").WithMetadata(new RequiresScope(PartnerScopes.ReadCases))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The steps of her case, oldest first, as her case page shows them: the office's requests, answers, decisions with reasons (scope cases.read).");
        v1.MapPost("/me/cases/{reference}/actions", Act).WithName("actOnMyCase").WithMetadata(new RequiresScope(PartnerScopes.Apply))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("On a case the partner sent: answer a request for information (InformationProvided, with 'text'), withdraw it (Withdrawn) or ask for a person to look again at an automatic decision (ReviewRequested) (scope applications.write).");
        v1.MapPost("/me/cases/{reference}/information", ProvideInformation).WithName("provideInformationOnMyCase").WithMetadata(new RequiresScope(PartnerScopes.Apply))
            .WithMetadata(new RequestSizeLimitAttribute(FilesSetup.MaxRequestBytes)).DisableAntiforgery() // a bearer token, not a cookie: no cross-site forgery to stop
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("On a case the partner sent, answers the office's request for information with documents (multipart/form-data: 'text', up to 3 files in 'documents', 'version') (scope applications.write).");
        return v1;
    }

    private static async Task<Results<Ok<ApiList<ApiCaseStep>>, ProblemHttpResult>> History(
        HttpContext http, PartnerCaller caller, AppDbContext db, AuditTrail audit, string reference, CancellationToken cancellationToken)
    {
        if (await ApiProblems.ActingFor(http, caller, PartnerScopes.ReadCases, cancellationToken) is not { ResidentId: { } residentId } call)
        {
            return ApiProblems.NotAllowed(PartnerScopes.ReadCases);
        }

        if (await ResidentCasesEndpoints.Hers(db, residentId, reference, cancellationToken) is not { } found)
        {
            return NoSuchCase();
        }

        var log = await db.CaseActions.AsNoTracking().Where(a => a.CaseId == found.Id).OrderBy(a => a.Sequence).ToListAsync(cancellationToken);
        await audit.Record(residentId, call.Actor, AuditAction.Viewed, AuditSubject.Case(CaseReference.Display(found.Reference)), cancellationToken);
        return TypedResults.Ok(new ApiList<ApiCaseStep>([.. log.Select(Step)], log.Count));
    }

    private static async Task<Results<Ok<ApiCase>, ProblemHttpResult, ValidationProblem>> Act(
        HttpContext http, PartnerCaller caller, AppDbContext db, AppendCaseAction append, CatalogueStore catalogue, IStringLocalizer<SharedResource> t,
        string reference, ApiCaseActionRequest body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var (call, found, problem) = await SentByThePartner(http, caller, db, reference, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var kind = Allowed.Cast<CaseActionKind?>().FirstOrDefault(k => string.Equals(k.ToString(), body.Action, StringComparison.OrdinalIgnoreCase));
        if (kind is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["action"] = [$"One of {string.Join(", ", Allowed)}."] }, title: "No such action.");
        }

        var input = new CaseActionInput(kind.Value, kind == CaseActionKind.InformationProvided ? body.Text : null);
        return await Append(db, append, catalogue, t, call!, found!, input, body.Version, cancellationToken);
    }

    private static async Task<Results<Ok<ApiCase>, ProblemHttpResult, ValidationProblem>> ProvideInformation(
        HttpContext http, PartnerCaller caller, AppDbContext db, AppendCaseAction append, CatalogueStore catalogue, KeepAnswerDocuments keep, IStringLocalizer<SharedResource> t,
        string reference, [FromForm] string? text, [FromForm] int? version, IFormFileCollection documents, CancellationToken cancellationToken)
    {
        var (call, found, problem) = await SentByThePartner(http, caller, db, reference, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        // As her case page takes them: at most three, each through the web's own checks and virus scan.
        var (kept, error) = await keep.Handle(documents, cancellationToken);
        if (error is not null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["documents"] = [error] }, title: "The answer will not do.");
        }

        return await Append(db, append, catalogue, t, call!, found!, new CaseActionInput(CaseActionKind.InformationProvided, text, Documents: kept), version, cancellationToken);
    }

    /// <summary>The call and her case, when the token acts for her with <c>applications.write</c> and the partner sent that case.</summary>
    private static async Task<(PartnerCall? Call, Case? Case, ProblemHttpResult? Problem)> SentByThePartner(
        HttpContext http, PartnerCaller caller, AppDbContext db, string reference, CancellationToken cancellationToken)
    {
        if (await ApiProblems.ActingFor(http, caller, PartnerScopes.Apply, cancellationToken) is not { ResidentId: { } residentId } call)
        {
            return (null, null, ApiProblems.NotAllowed(PartnerScopes.Apply));
        }

        // Only on a case this partner sent for her: what she did elsewhere stays hers to continue there.
        return await ResidentCasesEndpoints.Hers(db, residentId, reference, cancellationToken) is { ActorKind: ActorKind.Partner } found && found.PartnerCode == call.Partner.ClientId
            ? (call, found, null)
            : (call, null, NoSuchCase());
    }

    /// <summary>Through the one way a case changes; from the version the partner saw, when it says which.</summary>
    private static async Task<Results<Ok<ApiCase>, ProblemHttpResult, ValidationProblem>> Append(
        AppDbContext db, AppendCaseAction append, CatalogueStore catalogue, IStringLocalizer<SharedResource> t, PartnerCall call, Case found, CaseActionInput input, int? version,
        CancellationToken cancellationToken)
    {
        if (input.Problems(t) is [_, ..] problems)
        {
            return TypedResults.ValidationProblem(problems.GroupBy(p => p.Field.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()), title: "The action will not do.");
        }

        var result = await append.Handle(found.Id, version ?? found.Version, call.Actor, input, cancellationToken);
        if (result != AppendResult.Done)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: result == AppendResult.Stale ? "The case changed." : "Not possible now.",
                detail: result == AppendResult.Stale ? "Someone acted on the case since the version you saw: read it again." : $"A case that is {found.Status} cannot be {input.Kind} now.");
        }

        var now = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == found.Id, cancellationToken);
        return TypedResults.Ok(ResidentCasesEndpoints.ToApi(now, await catalogue.Current(cancellationToken)));
    }

    private static ProblemHttpResult NoSuchCase() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such case.", detail: "She has no case with this reference that you may act on.");

    /// <summary>As her case page shows it: staff by the name she is shown; a document by its name only.</summary>
    private static ApiCaseStep Step(CaseAction a) => new(
        a.Sequence, a.Kind.ToString(), a.At, a.ActorKind.ToString(), a.ActorKind is ActorKind.Resident or ActorKind.Rule ? null : a.ActorName, a.Channel.ToString(),
        a.Text, a.Items, a.LegalBasis, [.. a.Documents.Select(d => UploadedFile.Read(d)?.Name ?? "")]);
}
