using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tongban.Applications;
using Tongban.Catalogue;
using Tongban.Platform.Audit;
using Tongban.Platform.Auth;
using Tongban.Platform.Data;
using Tongban.Platform.Localization;
using Tongban.Residents.Access;

namespace Tongban.Cases.Pages;

/// <summary><c>/staff/cases/{reference}</c>: a case for the case officers and head of the department that runs its service.</summary>
[Authorize(Policy = AuthSetup.StaffPolicy)]
public sealed class StaffCaseModel(AppDbContext db, ResidentAccessPolicy policy, CatalogueStore catalogue, AuditTrail audit, IStringLocalizer<SharedResource> t) : PageModel
{
    public Case Case { get; private set; } = null!;
    public string ServiceName { get; private set; } = "";
    public IReadOnlyList<(string Label, string Shown)> Answers { get; private set; } = [];

    public async Task<IActionResult> OnGet(string reference, CancellationToken cancellationToken)
    {
        var found = CaseReference.Normalize(reference) is { } normalized
            ? await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Reference == normalized, cancellationToken)
            : null;
        if (found is null)
        {
            return NotFound();
        }

        if (await policy.Decide(HttpContext, found.ResidentId, ResidentOperation.ReviewCase, found.ServiceCode) is not { } actor)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var snapshot = await catalogue.Current(cancellationToken);
        var questions = snapshot.Form(found.ServiceCode)?.Questions ?? [];
        var answers = JsonSerializer.Deserialize<Dictionary<string, string>>(found.AnswersJson) ?? [];
        Answers = answers.Select(a => questions.FirstOrDefault(q => q.Id == a.Key) is { } q ? (q.Label.Current, AnswerDisplay.Of(q, a.Value, t)) : (a.Key, a.Value)).ToList();
        Case = found;
        ServiceName = snapshot.Service(found.ServiceCode)?.Name.Current ?? found.ServiceCode;
        await audit.Record(found.ResidentId, actor, AuditAction.Viewed, $"Case:{CaseReference.Display(found.Reference)}", cancellationToken);
        return Page();
    }
}
