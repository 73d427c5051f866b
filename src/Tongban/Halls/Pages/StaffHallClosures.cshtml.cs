using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Catalogue;
using Tongban.Halls.Closures;
using Tongban.Platform.Auth;
using Tongban.Platform.Calendar;
using Tongban.Platform.Data;
using Tongban.Platform.Web;
using Tongban.Staff;

namespace Tongban.Halls.Pages;

/// <summary>
/// <c>/staff/halls/closures</c>: an operator closes a hall or a counter for a day, with the reason the people booked
/// read; the closures to come, and what each did to the appointments (moved, cancelled and told).
/// </summary>
[Authorize(Policy = StaffPolicies.Operator)]
public sealed class StaffHallClosuresModel(AppDbContext db, CatalogueStore catalogue, CloseHallOrCounter close, TimeProvider clock) : PageModel
{
    public CatalogueSnapshot Catalogue { get; private set; } = null!;
    public IReadOnlyList<HallClosure> Upcoming { get; private set; } = [];
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    /// <summary>"hall|counter", or "hall|" for the whole hall.</summary>
    [BindProperty]
    public string? Closing { get; set; }

    [BindProperty]
    public string? Day { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Done { get; set; }

    public HallClosure? Just { get; private set; }

    public async Task OnGet(CancellationToken cancellationToken) => await Load(cancellationToken);

    public async Task<IActionResult> OnPost(CancellationToken cancellationToken)
    {
        var (hall, counter) = Closing?.Split('|') is [var h, var c] ? (h, c) : (null, null);
        DateOnly? day = DateOnly.TryParseExact(Day, "yyyy-MM-dd", out var parsed) ? parsed : null;
        var result = await close.Handle(hall, counter, day, Reason, User.StaffActor(Channel.Office, "hall closure"), cancellationToken);
        if (result.Closure is { } closure)
        {
            return Redirect($"/staff/halls/closures?done={closure.Id}");
        }

        Errors = result.Problems;
        await Load(cancellationToken);
        return Page();
    }

    public string Today => clock.Today().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task Load(CancellationToken cancellationToken)
    {
        Catalogue = await catalogue.Current(cancellationToken);
        var today = clock.Today();
        Upcoming = await db.HallClosures.AsNoTracking().Where(c => c.Day >= today).OrderBy(c => c.Day).ThenBy(c => c.HallCode).ThenBy(c => c.CounterCode).Take(200).ToListAsync(cancellationToken);
        Just = Done is { } id ? await db.HallClosures.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken) : null;
    }
}
