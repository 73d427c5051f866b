using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;
using Tongban.Platform.Web;

namespace Tongban.Catalogue.Pages;

/// <summary><c>/</c>: life events first, then the most used services, then departments, then other ways to get help.</summary>
public sealed class HomeModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<LifeEvent> LifeEvents { get; private set; } = [];
    public bool MoreLifeEvents { get; private set; }
    public IReadOnlyList<Service> MostUsed { get; private set; } = [];
    public IReadOnlyList<Department> Departments { get; private set; } = [];

    public async Task OnGet(CancellationToken cancellationToken)
    {
        var take = ElderMode.PageSize(HttpContext, normal: 8, elder: 4);
        var lifeEvents = await db.LifeEvents.AsNoTracking().OrderBy(e => e.Id).ToListAsync(cancellationToken);
        LifeEvents = lifeEvents.Take(take).ToList();
        MoreLifeEvents = lifeEvents.Count > take;
        MostUsed = await db.Services.AsNoTracking().Where(s => s.Featured && s.RetiredAt == null)
            .OrderBy(s => s.Code).Take(ElderMode.PageSize(HttpContext, normal: 10, elder: 5)).ToListAsync(cancellationToken);
        Departments = await db.Departments.AsNoTracking().Where(d => d.Services.Any(s => s.RetiredAt == null))
            .OrderBy(d => d.Code).ToListAsync(cancellationToken);
    }
}
