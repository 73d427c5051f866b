using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Catalogue;
using Tongban.Platform.Audit;
using Tongban.Platform.Auth;
using Tongban.Platform.Data;
using Tongban.Residents.Access;

namespace Tongban.Cases.Pages;

/// <summary><c>/cases/{reference}</c>: her application in plain words, for her, her proxy for that service, or a clerk helping her.</summary>
[Authorize(Policy = AuthSetup.PersonPolicy)]
public sealed class CaseDetailModel(AppDbContext db, ResidentAccessPolicy policy, CatalogueStore catalogue, AuditTrail audit, TimeProvider clock) : PageModel
{
    public Case Case { get; private set; } = null!;
    public string ServiceName { get; private set; } = "";

    [BindProperty(SupportsGet = true)]
    public bool ReviewAsked { get; set; }

    public async Task<IActionResult> OnGet(string reference, CancellationToken cancellationToken)
    {
        if (await Load(reference, cancellationToken) is not { } actor)
        {
            return _refusal!;
        }

        await audit.Record(Case.ResidentId, actor, AuditAction.Viewed, $"Case:{CaseReference.Display(Case.Reference)}", cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPost(string reference, CancellationToken cancellationToken)
    {
        if (await Load(reference, cancellationToken) is not { } actor)
        {
            return _refusal!;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await db.Cases.Where(c => c.Id == Case.Id && c.ReviewRequestedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.ReviewRequestedAt, now).SetProperty(c => c.Status, CaseStatus.WithOfficer), cancellationToken);
        if (changed > 0)
        {
            await audit.Record(Case.ResidentId, actor, AuditAction.Changed, $"Case:{CaseReference.Display(Case.Reference)}", cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return Redirect($"/cases/{Case.Reference}?reviewAsked=true");
    }

    private IActionResult? _refusal;

    private async Task<Actor?> Load(string reference, CancellationToken cancellationToken)
    {
        var found = CaseReference.Normalize(reference) is { } normalized
            ? await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Reference == normalized, cancellationToken)
            : null;
        if (found is null)
        {
            _refusal = NotFound();
            return null;
        }

        var actor = await policy.Decide(HttpContext, found.ResidentId, ResidentOperation.ActOnService, found.ServiceCode);
        if (actor is null)
        {
            // The same answer as for a reference that does not exist: a guessed reference reveals nothing.
            _refusal = NotFound();
            return null;
        }

        Case = found;
        ServiceName = (await catalogue.Current(cancellationToken)).Service(found.ServiceCode)?.Name.Current ?? found.ServiceCode;
        return actor;
    }
}
