using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Platform.Web;

namespace Tongban.Catalogue.Pages;

/// <summary><c>/</c>: life events first, then the most used services, then departments, then other ways to get help.</summary>
public sealed class HomeModel(CatalogueStore catalogue) : PageModel
{
    public IReadOnlyList<LifeEvent> LifeEvents { get; private set; } = [];
    public bool MoreLifeEvents { get; private set; }
    public IReadOnlyList<Service> MostUsed { get; private set; } = [];
    public IReadOnlyList<Department> Departments { get; private set; } = [];

    public async Task OnGet(CancellationToken cancellationToken)
    {
        var snapshot = await catalogue.Current(cancellationToken);
        var take = ElderMode.PageSize(HttpContext, normal: 8, elder: 4);
        LifeEvents = snapshot.LifeEvents.Take(take).ToList();
        MoreLifeEvents = snapshot.LifeEvents.Count > take;
        MostUsed = snapshot.Services.Where(s => s.Featured).Take(ElderMode.PageSize(HttpContext, normal: 10, elder: 5)).ToList();
        Departments = snapshot.Departments.Where(d => d.Services.Count > 0).ToList();
    }
}
