using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Platform.Web;

namespace Tongban.Catalogue.Pages;

/// <summary><c>/services/{code}</c>: who it is for, what you need, what it costs, how long it takes, and every way to do it.</summary>
public sealed class ServiceDetailModel(CatalogueStore catalogue) : PageModel
{
    public Service Service { get; private set; } = null!;
    public IReadOnlyList<ServiceHall> Halls { get; private set; } = [];
    public int HallsShown { get; private set; }
    public IReadOnlyList<LifeEvent> LifeEvents { get; private set; } = [];

    /// <summary>Whether the service has an online form (<c>/services/{code}/apply</c>).</summary>
    public bool CanApplyOnline { get; private set; }

    public async Task<IActionResult> OnGet(string code, CancellationToken cancellationToken)
    {
        var snapshot = await catalogue.Current(cancellationToken);
        var service = snapshot.Service(code);
        if (service is null)
        {
            return NotFound();
        }

        Service = service;
        Halls = snapshot.HallsFor(service);
        CanApplyOnline = snapshot.Form(service.Code) is not null;
        HallsShown = ElderMode.PageSize(HttpContext, normal: Halls.Count, elder: 3);
        LifeEvents = service.LifeEventTags.Select(snapshot.LifeEvent).OfType<LifeEvent>().ToList();
        return Page();
    }
}
