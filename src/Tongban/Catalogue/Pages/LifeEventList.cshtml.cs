using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;

namespace Tongban.Catalogue.Pages;

/// <summary><c>/life-events</c>: every life situation the city bundles services for.</summary>
public sealed class LifeEventListModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<LifeEvent> LifeEvents { get; private set; } = [];

    public async Task OnGet(CancellationToken cancellationToken) =>
        LifeEvents = await db.LifeEvents.AsNoTracking().OrderBy(e => e.Id).ToListAsync(cancellationToken);
}
