using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tongban.Catalogue.Pages;

/// <summary><c>/life-events</c>: every life situation the city bundles services for.</summary>
public sealed class LifeEventListModel(CatalogueStore catalogue) : PageModel
{
    public IReadOnlyList<LifeEvent> LifeEvents { get; private set; } = [];

    public async Task OnGet(CancellationToken cancellationToken) =>
        LifeEvents = (await catalogue.Current(cancellationToken)).LifeEvents;
}
