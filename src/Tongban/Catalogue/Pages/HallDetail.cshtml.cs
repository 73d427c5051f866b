using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tongban.Catalogue.Pages;

/// <summary><c>/halls/{code}</c>: where a hall is, when it is open, how accessible it is, and what can be done there.</summary>
public sealed class HallDetailModel(CatalogueStore catalogue) : PageModel
{
    public ServiceHall Hall { get; private set; } = null!;
    public IReadOnlyList<Service> Services { get; private set; } = [];

    public async Task<IActionResult> OnGet(string code, CancellationToken cancellationToken)
    {
        var snapshot = await catalogue.Current(cancellationToken);
        var hall = snapshot.Hall(code);
        if (hall is null)
        {
            return NotFound();
        }

        Hall = hall;
        Services = snapshot.Services.Where(s => snapshot.HallsFor(s).Contains(hall)).ToList();
        return Page();
    }
}
