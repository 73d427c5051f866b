using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;
using Tongban.Platform.Web;

namespace Tongban.Catalogue.Pages;

/// <summary><c>/services/{code}</c>: who it is for, what you need, what it costs, how long it takes, and every way to do it.</summary>
public sealed class ServiceDetailModel(AppDbContext db) : PageModel
{
    public Service Service { get; private set; } = null!;
    public IReadOnlyList<ServiceHall> Halls { get; private set; } = [];
    public int HallsShown { get; private set; }
    public IReadOnlyList<LifeEvent> LifeEvents { get; private set; } = [];

    public async Task<IActionResult> OnGet(string code, CancellationToken cancellationToken)
    {
        var service = await CatalogueLookup.Service(db, code, cancellationToken);
        if (service is null)
        {
            return NotFound();
        }

        Service = service;
        var counter = service.Channels.FirstOrDefault(c => c.Channel == Channel.Counter);
        if (counter is not null)
        {
            var halls = db.ServiceHalls.AsNoTracking().Include(h => h.District).AsQueryable();
            if (counter.HallCodes.Count > 0)
            {
                halls = halls.Where(h => counter.HallCodes.Contains(h.Code));
            }

            Halls = await halls.OrderBy(h => h.DistrictId).ThenBy(h => h.Id).ToListAsync(cancellationToken);
        }

        HallsShown = ElderMode.PageSize(HttpContext, normal: Halls.Count, elder: 3);
        LifeEvents = await db.LifeEvents.AsNoTracking().Where(e => service.LifeEventTags.Contains(e.Code)).ToListAsync(cancellationToken);
        return Page();
    }
}
