using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tongban.Catalogue.Pages;

/// <summary><c>/services</c>: every department and its current services.</summary>
public sealed class ServiceListModel(CatalogueStore catalogue) : PageModel
{
    public IReadOnlyList<Department> Departments { get; private set; } = [];

    public async Task OnGet(CancellationToken cancellationToken) =>
        Departments = (await catalogue.Current(cancellationToken)).Departments.Where(d => d.Services.Count > 0).ToList();
}
