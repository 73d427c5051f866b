using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;

namespace Tongban.Catalogue.Pages;

/// <summary><c>/halls</c>: every service hall, by district, so that a resident can find the nearest one.</summary>
public sealed class HallListModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<District> Districts { get; private set; } = [];

    public async Task OnGet(CancellationToken cancellationToken) =>
        Districts = await db.Districts.AsNoTracking().Include(d => d.Halls.OrderBy(h => h.Id)).OrderBy(d => d.Id).ToListAsync(cancellationToken);
}
