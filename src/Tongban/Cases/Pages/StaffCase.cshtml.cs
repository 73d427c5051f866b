using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tongban.Cases.Log;
using Tongban.Catalogue;
using Tongban.Catalogue.Forms;
using Tongban.Partners;
using Tongban.Platform.Audit;
using Tongban.Platform.Auth;
using Tongban.Platform.Data;
using Tongban.Platform.Files;
using Tongban.Platform.Localization;
using Tongban.Residents.Access;
using Tongban.Staff;

namespace Tongban.Cases.Pages;

/// <summary>
/// <c>/staff/cases/{reference}</c>: a case for the case officers and head of the department that runs its
/// service: what she asked, its history, and the actions the officer's role allows in its status.
/// </summary>
[Authorize(Policy = AuthSetup.StaffPolicy)]
public sealed class StaffCaseModel(AppDbContext db, ResidentAccessPolicy policy, CatalogueStore catalogue, AuditTrail audit, AppendCaseAction append, IFileStore files, IOptions<PartnerOptions> partners, IStringLocalizer<SharedResource> t) : CasePageModel(db, audit)
{
    public string ServiceName { get; private set; } = "";

    /// <summary>The partner app she sent it from, by the name residents know it by (its code if it is no longer configured).</summary>
    public string? PartnerName { get; private set; }

    /// <summary>Each answer as shown; <c>Document</c> names the question when the answer is a stored document to open.</summary>
    public IReadOnlyList<(string Label, string Shown, string? Document)> Answers { get; private set; } = [];
    public IReadOnlyList<CaseActionKind> Allowed { get; private set; } = [];
    public IReadOnlyList<StaffMember> Colleagues { get; private set; } = [];

    [BindProperty]
    public string? LegalBasis { get; set; }

    /// <summary>The missing items of a one-time notice, one per line.</summary>
    [BindProperty]
    public string? Items { get; set; }

    [BindProperty]
    public Guid? AssignTo { get; set; }

    public async Task<IActionResult> OnPost(string reference, CancellationToken cancellationToken)
    {
        if (Act is not { } kind || !Allowed.Contains(kind))
        {
            Refusal = t["This action is not possible for this case now. Nothing was changed."];
            return Page();
        }

        var colleague = AssignTo is { } to ? Colleagues.FirstOrDefault(c => c.Id == to) : null;
        var input = new CaseActionInput(kind, Text, LegalBasis, Items?.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), colleague?.Id, colleague?.DisplayName);
        Errors = input.Problems(t).Select(p => p with { Field = $"{kind}-{p.Field}" }).ToList();
        if (Errors.Count > 0)
        {
            return Page();
        }

        switch (await append.Handle(Case.Id, Version, Actor, input, cancellationToken))
        {
            case AppendResult.Done:
                return ShowAfterAction($"/staff/cases/{Case.Reference}?done={kind}");
            case AppendResult.Stale:
                Refusal = t["Someone else acted on this case while you had it open. Nothing of yours was saved: look at its history below, then try again. What you typed is still here."];
                await Reload(reference, cancellationToken);
                break;
            default:
                Refusal = t["This action is not possible for this case now. Nothing was changed."];
                break;
        }

        return Page();
    }

    /// <summary><c>?handler=Document&amp;question=…</c>: a document she sent, as a download (never shown inline), on her trail.</summary>
    public async Task<IActionResult> OnGetDocument(string? question, CancellationToken cancellationToken)
    {
        // Only the answer to a file question is a document: a text answer shaped like one is only text.
        if (question is null || !Answers.Any(a => a.Document == question) || !Case.Answers().TryGetValue(question, out var answer) || UploadedFile.Read(answer) is not { } document
            || await files.Open(document.Key, cancellationToken) is not { } content)
        {
            return NotFound();
        }

        await Audit.Record(Case.ResidentId, Actor, AuditAction.Viewed, AuditSubject.Documents(CaseReference.Display(Case.Reference)), cancellationToken);
        return File(content, document.ContentType, document.Name);
    }

    /// <summary><c>?handler=ReplyDocument&amp;sequence=…&amp;index=…</c>: a document she sent with her answer to a notice, as a download, on her trail.</summary>
    public async Task<IActionResult> OnGetReplyDocument(int sequence, int index, CancellationToken cancellationToken)
    {
        if (History.FirstOrDefault(a => a.Sequence == sequence) is not { } action || index < 0 || index >= action.Documents.Count
            || UploadedFile.Read(action.Documents[index]) is not { } document || await files.Open(document.Key, cancellationToken) is not { } content)
        {
            return NotFound();
        }

        await Audit.Record(Case.ResidentId, Actor, AuditAction.Viewed, AuditSubject.Documents(CaseReference.Display(Case.Reference)), cancellationToken);
        return File(content, document.ContentType, document.Name);
    }

    protected override async Task<Actor?> Load(string reference, CancellationToken cancellationToken)
    {
        // Another department's case answers exactly as a case that does not exist: staff learn nothing of it.
        if (await Find(reference, cancellationToken) is not { } found
            || await policy.Decide(HttpContext, found.ResidentId, ResidentOperation.ReviewCase, found.ServiceCode) is not { } actor)
        {
            Refused = NotFound();
            return null;
        }

        var snapshot = await catalogue.Current(cancellationToken);
        var questions = snapshot.Form(found.ServiceCode)?.Questions ?? [];
        Answers = found.Answers().Select(a => questions.FirstOrDefault(q => q.Id == a.Key) is { } q
            ? (q.Label.Current, AnswerDisplay.Of(q, a.Value, t, forStaff: true), q.Type == QuestionType.File && UploadedFile.Read(a.Value) is not null ? q.Id : null)
            : (a.Key, a.Value, (string?)null)).ToList();
        ServiceName = snapshot.Service(found.ServiceCode)?.Name.Current ?? found.ServiceCode;
        PartnerName = found.PartnerCode is { } partner ? partners.Value.Apps.GetValueOrDefault(partner)?.Name ?? partner : null;
        Allowed = Enum.GetValues<CaseActionKind>().Where(k => CaseActionRights.MayTake(actor, k) && CaseTransitions.Allows(found, History, k)).ToList();
        if (Allowed.Contains(CaseActionKind.Reassigned))
        {
            var department = User.FindFirst(StaffPrincipal.DepartmentClaim)?.Value;
            Colleagues = await Db.StaffMembers.AsNoTracking()
                .Where(s => s.Active && s.DepartmentCode == department && (s.Role == StaffRole.CaseOfficer || s.Role == StaffRole.DepartmentHead))
                .OrderBy(s => s.DisplayName).ToListAsync(cancellationToken);
        }

        return actor;
    }
}
