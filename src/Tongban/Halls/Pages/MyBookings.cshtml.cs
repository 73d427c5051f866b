using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tongban.Cases;
using Tongban.Catalogue;
using Tongban.Platform.Auth;
using Tongban.Platform.Data;
using Tongban.Platform.Localization;
using Tongban.Residents.Access;

namespace Tongban.Halls.Pages;

/// <summary><c>/me/bookings</c>: her appointments still to come (or those of the person she acts for, each within the permission), with a cancel for each.</summary>
[Authorize(Policy = AuthSetup.PersonPolicy)]
public sealed class MyBookingsModel(ResidentAccessPolicy policy, AppDbContext db, CatalogueStore catalogue, CancelBooking cancel, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public IReadOnlyList<Booking> Upcoming { get; private set; } = [];

    /// <summary>Appointments still to come that the hall cancelled (an operator closed it that day): why, and a way to choose again.</summary>
    public IReadOnlyList<Booking> CancelledByHall { get; private set; } = [];
    public CatalogueSnapshot Catalogue { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public string? Booked { get; set; }

    public bool Cancelled { get; private set; }

    public async Task<IActionResult> OnGet(CancellationToken cancellationToken)
    {
        if (await policy.Subject(HttpContext) is not { } subject)
        {
            return NotFound();
        }

        await Load(subject, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostCancel(Guid id, CancellationToken cancellationToken)
    {
        if (await policy.Subject(HttpContext) is not { } subject)
        {
            return NotFound();
        }

        var service = await db.Bookings.AsNoTracking().Where(b => b.Id == id && b.ResidentId == subject).Select(b => b.ServiceCode).SingleOrDefaultAsync(cancellationToken);
        if (service is not null && await policy.Decide(HttpContext, subject, ResidentOperation.ActOnService, service) is { } actor)
        {
            Cancelled = await cancel.Handle(subject, id, actor, cancellationToken);
        }

        await Load(subject, cancellationToken);
        return Page();
    }

    /// <summary>One booking still to come as an iCalendar file, for her or whoever may act for her on its service.</summary>
    public async Task<IActionResult> OnGetCalendar(Guid id, CancellationToken cancellationToken)
    {
        if (await policy.Subject(HttpContext) is not { } subject)
        {
            return NotFound();
        }

        await Load(subject, cancellationToken);
        if (Upcoming.SingleOrDefault(b => b.Id == id) is not { } booking)
        {
            return NotFound();
        }

        var hall = Hall(booking.HallCode);
        var service = Catalogue.Service(booking.ServiceCode);
        var reference = CaseReference.Display(booking.Reference);
        var bring = string.Join("; ", service?.Materials.Select(m => m.Name.Current) ?? []);
        var file = BookingCalendarFile.Write(booking, hall, $"{ServiceName(booking.ServiceCode)} · {hall?.Name.Current ?? booking.HallCode}",
            t["Appointment reference {0}", reference] + (bring.Length > 0 ? "\n" + t["Please bring: {0}", bring] : ""), clock.GetUtcNow().UtcDateTime);
        return File(System.Text.Encoding.UTF8.GetBytes(file), "text/calendar; charset=utf-8", $"appointment-{booking.Reference}.ics");
    }

    public ServiceHall? Hall(string code) => Catalogue.Hall(code);

    public string ServiceName(string code) => Catalogue.Service(code)?.Name.Current ?? code;

    private async Task Load(Guid subject, CancellationToken cancellationToken)
    {
        Catalogue = await catalogue.Current(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var mine = await db.Bookings.AsNoTracking()
            .Where(b => b.ResidentId == subject && b.StartsAt > now && (b.Status == BookingStatus.Booked || (b.Status == BookingStatus.Cancelled && b.CancelledBecause != null)))
            .OrderBy(b => b.StartsAt).ToListAsync(cancellationToken);
        var shown = new List<Booking>();
        foreach (var booking in mine)
        {
            // Someone acting for her sees only the bookings of the services she let them act on.
            if (await policy.Decide(HttpContext, subject, ResidentOperation.ActOnService, booking.ServiceCode) is not null)
            {
                shown.Add(booking);
            }
        }

        Upcoming = shown.Where(b => b.Status == BookingStatus.Booked).ToList();
        CancelledByHall = shown.Where(b => b.Status == BookingStatus.Cancelled).ToList();
    }
}
