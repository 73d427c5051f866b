using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;

namespace Tongban.Catalogue.Pages;

/// <summary><c>/life-events/{code}</c>: the services of one life situation, in the order a resident meets them.</summary>
public sealed class LifeEventDetailModel(AppDbContext db) : PageModel
{
    public LifeEvent LifeEvent { get; private set; } = null!;
    public IReadOnlyList<Service> Steps { get; private set; } = [];

    public async Task<IActionResult> OnGet(string code, CancellationToken cancellationToken)
    {
        var lifeEvent = CatalogueLookup.CouldBeCode(code)
            ? await db.LifeEvents.AsNoTracking().SingleOrDefaultAsync(e => e.Code == code, cancellationToken)
            : null;
        if (lifeEvent is null)
        {
            return NotFound();
        }

        LifeEvent = lifeEvent;
        var services = await db.Services.AsNoTracking().Where(s => lifeEvent.ServiceCodes.Contains(s.Code) && s.RetiredAt == null).ToListAsync(cancellationToken);
        Steps = services.OrderBy(s => lifeEvent.ServiceCodes.IndexOf(s.Code)).ToList();
        return Page();
    }
}
