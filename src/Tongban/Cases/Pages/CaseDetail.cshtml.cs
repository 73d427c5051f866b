using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Tongban.Cases.Log;
using Tongban.Catalogue;
using Tongban.Platform.Audit;
using Tongban.Platform.Auth;
using Tongban.Platform.Calendar;
using Tongban.Platform.Data;
using Tongban.Platform.Files;
using Tongban.Platform.Localization;
using Tongban.Residents.Access;

namespace Tongban.Cases.Pages;

/// <summary>
/// <c>/cases/{reference}</c>: her application in plain words, for her, her proxy for that service, or a clerk
/// helping her: status, what happens next, history; answering a one-time notice, withdrawing, asking for review.
/// </summary>
[Authorize(Policy = AuthSetup.PersonPolicy)]
[RequestSizeLimit(FilesSetup.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = FilesSetup.MaxRequestBytes)]
public sealed class CaseDetailModel(AppDbContext db, ResidentAccessPolicy policy, CatalogueStore catalogue, AuditTrail audit, AppendCaseAction append, KeepAnswerDocuments keep, WorkingDayCalendar calendar, TimeProvider clock, IStringLocalizer<SharedResource> t) : CasePageModel(db, audit)
{
    public Service? Service { get; private set; }
    public string ServiceName { get; private set; } = "";

    public bool CanAskForReview => May(CaseActionKind.ReviewRequested);
    public bool CanWithdraw => May(CaseActionKind.Withdrawn);

    /// <summary>The date by which a person would answer if she asked for a review now: the log replayed with that request added.</summary>
    public DateOnly ReviewDueOn =>
        CaseState.Replay([.. History, RequestNow()], Case.TimeLimitWorkingDays, calendar).DueOn;

    /// <summary>The open one-time notice: the items of the last request for information while she is waited for.</summary>
    public CaseAction? OpenNotice => Case.Status == CaseStatus.WaitingForResident ? History.LastOrDefault(a => a.Kind is CaseActionKind.MoreInformationRequested or CaseActionKind.FurtherNotice) : null;

    public async Task<IActionResult> OnPost(string reference, CancellationToken cancellationToken)
    {
        if (Act is not { } kind || !May(kind))
        {
            Refusal = t["This is not possible for this application now. Nothing was changed."];
            return Page();
        }

        var answering = Act == CaseActionKind.InformationProvided;
        var (documents, documentError) = answering ? await keep.Handle(Request.HasFormContentType ? Request.Form.Files.GetFiles("Documents") : [], cancellationToken) : ([], null);
        var input = new CaseActionInput(Act!.Value, answering ? Text : null, Documents: documents);
        Errors = documentError is null ? input.Problems(t) : [new("Documents", documentError)];
        if (Errors.Count > 0)
        {
            return Page();
        }

        var result = await append.Handle(Case.Id, Version, Actor, input, cancellationToken);
        if (result == AppendResult.Done)
        {
            return ShowAfterAction($"/cases/{Case.Reference}?done={Act}");
        }

        Refusal = t["The application changed while you had this page open. Nothing was saved: please look at it again. What you typed is still here."];
        await Reload(reference, cancellationToken);
        return Page();
    }

    private CaseAction RequestNow()
    {
        var request = CaseAction.By(Actor, CaseActionKind.ReviewRequested, clock.GetUtcNow().UtcDateTime);
        request.Sequence = History.Count + 1;
        return request;
    }

    private bool May(CaseActionKind kind) => CaseActionRights.MayTake(Actor, kind) && CaseTransitions.Allows(Case, History, kind);

    protected override async Task<Actor?> Load(string reference, CancellationToken cancellationToken)
    {
        if (await Find(reference, cancellationToken) is not { } found)
        {
            Refused = NotFound();
            return null;
        }

        var actor = await policy.Decide(HttpContext, found.ResidentId, ResidentOperation.ActOnService, found.ServiceCode);
        if (actor is null)
        {
            // The same answer as for a reference that does not exist: a guessed reference reveals nothing.
            Refused = NotFound();
            return null;
        }

        Service = (await catalogue.Current(cancellationToken)).Service(found.ServiceCode);
        ServiceName = Service?.Name.Current ?? found.ServiceCode;
        return actor;
    }
}
