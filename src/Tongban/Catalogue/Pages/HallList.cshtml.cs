using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tongban.Catalogue.Pages;

/// <summary><c>/halls</c>: every service hall, by district, so that a resident can find the nearest one.</summary>
public sealed class HallListModel(CatalogueStore catalogue) : PageModel
{
    public IReadOnlyList<District> Districts { get; private set; } = [];

    public async Task OnGet(CancellationToken cancellationToken) =>
        Districts = (await catalogue.Current(cancellationToken)).Districts;
}
