using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tongban.Catalogue.Pages;

/// <summary><c>/life-events/{code}</c>: the services of one life situation, in the order a resident meets them.</summary>
public sealed class LifeEventDetailModel(CatalogueStore catalogue) : PageModel
{
    public LifeEvent LifeEvent { get; private set; } = null!;
    public IReadOnlyList<Service> Steps { get; private set; } = [];

    public async Task<IActionResult> OnGet(string code, CancellationToken cancellationToken)
    {
        var snapshot = await catalogue.Current(cancellationToken);
        var lifeEvent = snapshot.LifeEvent(code);
        if (lifeEvent is null)
        {
            return NotFound();
        }

        LifeEvent = lifeEvent;
        Steps = snapshot.StepsOf(lifeEvent);
        return Page();
    }
}
