using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tongban.Catalogue.Pages;

/// <summary><c>/departments/{code}</c>: one department, how to reach it, and its services.</summary>
public sealed class DepartmentDetailModel(CatalogueStore catalogue) : PageModel
{
    public Department Department { get; private set; } = null!;

    public async Task<IActionResult> OnGet(string code, CancellationToken cancellationToken)
    {
        var department = (await catalogue.Current(cancellationToken)).Department(code);
        if (department is null)
        {
            return NotFound();
        }

        Department = department;
        return Page();
    }
}
