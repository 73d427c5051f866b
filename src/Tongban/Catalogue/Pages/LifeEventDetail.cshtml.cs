using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tongban.Catalogue.Pages;

/// <summary><c>/life-events/{code}</c>: the services of one life situation, in the order a resident meets them.</summary>
public sealed class LifeEventDetailModel(CatalogueStore catalogue) : PageModel
{
    public LifeEvent LifeEvent { get; private set; } = null!;
    public IReadOnlyList<Service> Steps { get; private set; } = [];

    /// <summary>The services whose questions the combined form asks once (<c>/life-events/{code}/apply</c>).</summary>
    public IReadOnlyList<Service> OnlineTogether { get; private set; } = [];

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
        OnlineTogether = snapshot.ApplicationForm("life-events", lifeEvent.Code)?.Services.Select(s => s.Service).ToList() ?? [];
        return Page();
    }
}
