using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tongban.Cases;
using Tongban.Catalogue;
using Tongban.Platform.Auth;
using Tongban.Platform.Localization;
using Tongban.Platform.Web;
using Tongban.Residents.Access;

namespace Tongban.Halls.Pages;

/// <summary>
/// <c>/halls/{code}/book</c>: choose a service the hall takes appointments for, see its free times for the next 14 days
/// and book one, without JavaScript: for herself, or by whoever acts for her within their permission. With
/// <c>rebook</c>, the appointment she is changing: the new time replaces it in one step, and it is kept if none is booked.
/// </summary>
[Authorize(Policy = AuthSetup.PersonPolicy)]
public sealed class BookAtHallModel(ResidentAccessPolicy policy, CatalogueStore catalogue, FreeSlots free, BookSlot book, IStringLocalizer<SharedResource> t) : PageModel
{
    public ServiceHall Hall { get; private set; } = null!;
    public CatalogueSnapshot Catalogue { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public string? Service { get; set; }

    /// <summary>The chosen time, "yyyy-MM-ddTHH:mm" in city time.</summary>
    [BindProperty]
    public string? Slot { get; set; }

    /// <summary>The appointment she is changing, if she came to change one.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Rebook { get; set; }

    public IReadOnlyList<FreeDay> Days { get; private set; } = [];
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGet(string code, CancellationToken cancellationToken) =>
        await Load(code, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPost(string code, CancellationToken cancellationToken)
    {
        if (!await Load(code, cancellationToken))
        {
            return NotFound();
        }

        if (Service is null || Days.Count == 0)
        {
            return Page();
        }

        if (await policy.Subject(HttpContext) is not { } subject || await policy.Decide(HttpContext, subject, ResidentOperation.ActOnService, Service) is not { } actor)
        {
            Errors = [new("Service", t["You can book only for yourself or for someone who asked you to act for them for this service."])];
            return Page();
        }

        var parts = (Slot ?? "").Split('T');
        if (parts.Length != 2 || !DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            || !TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            Errors = [new("Slot", t["Choose a time."])];
            return Page();
        }

        var result = await book.Handle(subject, actor, Hall.Code, Service, day, time, cancellationToken, Rebook);
        if (result.Outcome == BookOutcome.Booked)
        {
            return Redirect($"/me/bookings?booked={result.Booking!.Reference}");
        }

        Errors = result.Problems;
        Rebook = result.Outcome == BookOutcome.NotChangeable ? null : Rebook;
        Days = await free.Handle(Hall, Service, cancellationToken);
        return Page();
    }

    public string ServiceName(string code) => Catalogue.Service(code)?.Name.Current ?? code;

    public int Minutes => Hall.Capacity!.MinutesOf(Service!);

    public static string SlotValue(DateOnly day, TimeOnly time) => $"{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}T{time.ToString("HH:mm", CultureInfo.InvariantCulture)}";

    public static string Display(string reference) => CaseReference.Display(reference);

    private async Task<bool> Load(string code, CancellationToken cancellationToken)
    {
        Catalogue = await catalogue.Current(cancellationToken);
        if (Catalogue.Hall(code) is not { } hall)
        {
            return false;
        }

        Hall = hall;
        if (Service is not null && hall.Capacity?.BookableFor(Service).Any() != true)
        {
            Errors = [new("Service", t["This hall does not take appointments for this service. Choose another service or hall."])];
            Service = null;
        }

        Days = Service is null ? [] : await free.Handle(hall, Service, cancellationToken);
        return true;
    }
}
