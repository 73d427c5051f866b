using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tongban.Cases;
using Tongban.Catalogue;
using Tongban.Platform.Auth;
using Tongban.Platform.Data;
using Tongban.Residents.Access;

namespace Tongban.Applications.Pages;

/// <summary><c>…/apply/done/{draft}</c>: the confirmation: reference numbers, decisions with their reasons, deadlines.</summary>
[Authorize(Policy = AuthSetup.PersonPolicy)]
public sealed class ApplyDoneModel(CatalogueStore catalogue, ResidentAccessPolicy policy, AppDbContext db, TimeProvider clock)
    : ApplicationPageModel(catalogue, policy)
{
    public IReadOnlyList<(Case Case, string Service)> Cases { get; private set; } = [];

    /// <summary>Set by the check page when she ticked answers to keep in her profile.</summary>
    [TempData]
    public string? ProfileMessage { get; set; }

    public async Task<IActionResult> OnGet(Guid draftId, CancellationToken cancellationToken)
    {
        if (await Authorize(clock) is { } refused)
        {
            return refused;
        }

        var cases = await db.Cases.AsNoTracking().Where(c => c.DraftId == draftId && c.ResidentId == ResidentId).OrderBy(c => c.ServiceCode).ToListAsync(cancellationToken);
        if (cases.Count == 0)
        {
            return NotFound();
        }

        Cases = cases.Select(c => (c, Form.Services.FirstOrDefault(s => s.Service.Code == c.ServiceCode).Service?.Name.Current ?? c.ServiceCode)).ToList();
        return Page();
    }
}
