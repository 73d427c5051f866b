using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;

namespace Tongban.Catalogue.Pages;

/// <summary><c>/halls/{code}</c>: where a hall is, when it is open, how accessible it is, and what can be done there.</summary>
public sealed class HallDetailModel(AppDbContext db) : PageModel
{
    public ServiceHall Hall { get; private set; } = null!;
    public IReadOnlyList<Service> Services { get; private set; } = [];

    public async Task<IActionResult> OnGet(string code, CancellationToken cancellationToken)
    {
        var hall = CatalogueLookup.CouldBeCode(code)
            ? await db.ServiceHalls.AsNoTracking().Include(h => h.District).SingleOrDefaultAsync(h => h.Code == code, cancellationToken)
            : null;
        if (hall is null)
        {
            return NotFound();
        }

        Hall = hall;
        // Channels are JSON, so the filter runs here: a counter channel naming no halls is offered at every hall.
        var services = await db.Services.AsNoTracking().Where(s => s.RetiredAt == null).OrderBy(s => s.Code).ToListAsync(cancellationToken);
        Services = services
            .Where(s => s.Channels.Any(c => c.Channel == Channel.Counter && (c.HallCodes.Count == 0 || c.HallCodes.Contains(hall.Code))))
            .ToList();
        return Page();
    }
}
