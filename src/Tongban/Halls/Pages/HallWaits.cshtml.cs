using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Catalogue;
using Tongban.Halls.Queue;

namespace Tongban.Halls.Pages;

/// <summary><c>/halls/{code}/waits</c>: how long people waited at the hall over the last four weeks, in the open, for everyone.</summary>
[AllowAnonymous]
public sealed class HallWaitsModel(CatalogueStore catalogue, QueueWaits waits) : PageModel
{
    public ServiceHall Hall { get; private set; } = null!;
    public CatalogueSnapshot Catalogue { get; private set; } = null!;
    public HallWaits Waits { get; private set; } = null!;

    public async Task<IActionResult> OnGet(string code, CancellationToken cancellationToken)
    {
        Catalogue = await catalogue.Current(cancellationToken);
        if (Catalogue.Hall(code) is not { Capacity: not null } hall)
        {
            return NotFound();
        }

        Hall = hall;
        Waits = await waits.Handle(code, cancellationToken);
        return Page();
    }

    public string ServiceName(string code) => Catalogue.Service(code)?.Name.Current ?? code;
}
