using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Catalogue;
using Tongban.Platform.Calendar;
using Tongban.Staff;

namespace Tongban.Cases.Queue.Pages;

/// <summary><c>/staff/overview</c>: the department head's view of deadlines, breaches, escalations and each officer's load.</summary>
[Authorize(Policy = StaffPolicies.DepartmentHead)]
public sealed class OverviewModel(CatalogueStore catalogue, DepartmentOverview overview, TimeProvider clock) : PageModel
{
    public Overview Figures { get; private set; } = null!;
    public Department Department { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGet(CancellationToken cancellationToken)
    {
        var department = (await catalogue.Current(cancellationToken)).Department(User.FindFirst(StaffPrincipal.DepartmentClaim)?.Value);
        if (department is null)
        {
            // Her account names a department the catalogue no longer has.
            return NotFound();
        }

        Department = department;
        Today = clock.Today();
        Figures = await overview.Handle(department.Services.Select(s => s.Code).ToList(), Today, cancellationToken);
        return Page();
    }
}
