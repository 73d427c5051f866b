using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tongban.Catalogue;
using Tongban.Halls.Queue;
using Tongban.Platform.Auth;
using Tongban.Platform.Localization;
using Tongban.Platform.Web;
using Tongban.Staff;

namespace Tongban.Halls.Pages;

/// <summary>
/// <c>/staff/hall/queue</c>: the queue of the hall a counter clerk works at: check in an appointment (its reference, or
/// her ID card), give a walk-in a ticket, call the next ticket to her counter by the hall's rule, release one not there.
/// </summary>
[Authorize(Policy = AuthSetup.StaffPolicy)]
public sealed class StaffHallQueueModel(CatalogueStore catalogue, IssueTicket issue, CallNextTicket call, QueueBoard board, IStringLocalizer<SharedResource> t) : PageModel
{
    public ServiceHall Hall { get; private set; } = null!;
    public CatalogueSnapshot Catalogue { get; private set; } = null!;
    public QueueBoardView Board { get; private set; } = null!;
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    /// <summary>The ticket just given or called, to say out loud.</summary>
    public QueueTicket? Ticket { get; private set; }

    public bool Called { get; private set; }
    public bool AlreadyCheckedIn { get; private set; }

    [BindProperty]
    public string? Reference { get; set; }

    [BindProperty]
    public string? Service { get; set; }

    [BindProperty]
    public bool Green { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Counter { get; set; }

    public async Task<IActionResult> OnGet(CancellationToken cancellationToken) =>
        await Load(cancellationToken) ? Page() : Forbid();

    public async Task<IActionResult> OnPostCheckIn(CancellationToken cancellationToken)
    {
        if (!await Load(cancellationToken))
        {
            return Forbid();
        }

        var result = await issue.CheckIn(Hall.Code, Reference, Green, User.StaffActor(Channel.Counter, $"hall:{Hall.Code}"), cancellationToken);
        return await Show(result, cancellationToken);
    }

    public async Task<IActionResult> OnPostWalkIn(CancellationToken cancellationToken)
    {
        if (!await Load(cancellationToken))
        {
            return Forbid();
        }

        return await Show(await issue.WalkIn(Hall.Code, Service, Green, cancellationToken), cancellationToken);
    }

    public async Task<IActionResult> OnPostCall(bool missed, CancellationToken cancellationToken)
    {
        if (!await Load(cancellationToken))
        {
            return Forbid();
        }

        if (await call.Counter(Hall.Code, Counter, cancellationToken) is not { } counter)
        {
            Errors = [new("Counter", t["Choose your counter."])];
            return Page();
        }

        if (missed)
        {
            await call.Missed(Hall.Code, counter.Code, cancellationToken);
        }

        Ticket = await call.Handle(Hall.Code, counter, cancellationToken);
        Called = true;
        Board = await board.Handle(Hall.Code, cancellationToken);
        return Page();
    }

    public string ServiceName(string code) => Catalogue.Service(code)?.Name.Current ?? code;

    private async Task<IActionResult> Show(TicketResult result, CancellationToken cancellationToken)
    {
        (Ticket, Errors, AlreadyCheckedIn) = (result.Ticket, result.Problems, result.AlreadyIssued);
        if (Errors.Count == 0)
        {
            (Reference, Service, Green) = (null, null, false);
        }

        Board = await board.Handle(Hall.Code, cancellationToken);
        return Page();
    }

    /// <summary>Only a counter clerk, at the hall she works at, when it takes tickets.</summary>
    private async Task<bool> Load(CancellationToken cancellationToken)
    {
        Catalogue = await catalogue.Current(cancellationToken);
        if (User.Role() != StaffRole.CounterClerk || User.FindFirst(StaffPrincipal.HallClaim)?.Value is not { } code || Catalogue.Hall(code) is not { Capacity: not null } hall)
        {
            return false;
        }

        Hall = hall;
        Board = await board.Handle(code, cancellationToken);
        return true;
    }
}
