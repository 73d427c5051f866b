using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;

namespace Tongban.Catalogue.Pages;

/// <summary><c>/services</c>: every department and its current services, from the database.</summary>
public sealed class ServiceListModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<Department> Departments { get; private set; } = [];

    public async Task OnGet(CancellationToken cancellationToken)
    {
        var departments = await db.Departments.AsNoTracking()
            .Include(d => d.Services.Where(s => s.RetiredAt == null).OrderBy(s => s.Code))
            .OrderBy(d => d.Code)
            .ToListAsync(cancellationToken);
        Departments = departments.Where(d => d.Services.Count > 0).ToList();
    }
}
