using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Cases.Alerts;
using Tongban.Catalogue;
using Tongban.Platform.Auth;
using Tongban.Platform.Calendar;
using Tongban.Staff;

namespace Tongban.Cases.Queue.Pages;

/// <summary><c>/staff</c>: the workbench home: who you are, what needs your attention, your department's queue and what you can do.</summary>
[Authorize(Policy = AuthSetup.StaffPolicy)]
public sealed class WorkbenchModel(CatalogueStore catalogue, ListDepartmentCases list, ReadStaffAlert alerts, TimeProvider clock, Platform.Data.AppDbContext db, Platform.Calendar.WorkingDayCalendar calendar) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Service { get; set; }

    [BindProperty(SupportsGet = true)]
    public CaseStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public Channel? Channel { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? Assisted { get; set; }

    /// <summary>Only cases due within this many working-calendar days (0: due today or overdue).</summary>
    [BindProperty(SupportsGet = true)]
    public int? DueWithin { get; set; }

    /// <summary>Where the previous page ended (see <see cref="ListDepartmentCases"/>).</summary>
    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public QueuePage? Queue { get; private set; }
    public IReadOnlyList<StaffAlert> Alerts { get; private set; } = [];
    public IReadOnlyList<Service> DepartmentServices { get; private set; } = [];
    public bool CanReview => Role is StaffRole.CaseOfficer or StaffRole.DepartmentHead;

    public StaffRole? Role { get; private set; }
    public Department? Department { get; private set; }
    public ServiceHall? Hall { get; private set; }
    public bool CanAssist => Role is StaffRole.CounterClerk or StaffRole.HotlineAgent;

    /// <summary>For operators: the last check of the audit log found the database no longer matches what was published.</summary>
    public bool AuditProblem { get; private set; }

    /// <summary>For operators: years whose public holidays the catalogue lacks while deadlines already reach into them.</summary>
    public IReadOnlyList<int> MissingHolidayYears { get; private set; } = [];

    public async Task OnGet(CancellationToken cancellationToken)
    {
        var snapshot = await catalogue.Current(cancellationToken);
        Role = User.Role();
        if (Role == StaffRole.Operator)
        {
            MissingHolidayYears = calendar.MissingYears(clock.Today());
            AuditProblem = await db.AuditAnchorChecks.OrderByDescending(c => c.Id).Select(c => c.Problem != null).FirstOrDefaultAsync(cancellationToken);
        }

        Department = snapshot.Department(User.FindFirst(StaffPrincipal.DepartmentClaim)?.Value);
        Hall = snapshot.Hall(User.FindFirst(StaffPrincipal.HallClaim)?.Value);
        Alerts = User.Id() is { } me ? await alerts.Unread(me, cancellationToken) : [];
        if (CanReview && Department is not null)
        {
            DepartmentServices = Department.Services;
            var today = clock.Today();
            var filter = new QueueFilter(Service, Status, Channel, Assisted, DueWithin is { } days ? today.AddDays(Math.Clamp(days, 0, 3660)) : null, After);
            Queue = await list.Handle(DepartmentServices.Select(s => s.Code).ToList(), filter, cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostRead(Guid id, CancellationToken cancellationToken)
    {
        if (User.Id() is { } me)
        {
            await alerts.MarkRead(me, id, cancellationToken);
        }

        return Redirect("/staff#alerts");
    }
}
