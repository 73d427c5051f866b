using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;

namespace Tongban.Catalogue.Pages;

/// <summary><c>/departments/{code}</c>: one department, how to reach it, and its services.</summary>
public sealed class DepartmentDetailModel(AppDbContext db) : PageModel
{
    public Department Department { get; private set; } = null!;

    public async Task<IActionResult> OnGet(string code, CancellationToken cancellationToken)
    {
        var department = CatalogueLookup.CouldBeCode(code)
            ? await db.Departments.AsNoTracking()
                .Include(d => d.Services.Where(s => s.RetiredAt == null).OrderBy(s => s.Code))
                .SingleOrDefaultAsync(d => d.Code == code, cancellationToken)
            : null;
        if (department is null)
        {
            return NotFound();
        }

        Department = department;
        return Page();
    }
}
