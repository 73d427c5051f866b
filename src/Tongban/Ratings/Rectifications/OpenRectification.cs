using Tongban.Cases;
using Tongban.Cases.Alerts;
using Tongban.Platform.Calendar;
using Tongban.Platform.Jobs;
using Tongban.Staff;

namespace Tongban.Ratings.Rectifications;

/// <summary>
/// Opens a round of rectification in the caller's unit of work: deadlines in working days from today, an alert to the
/// department's officers, and the deadline job that warns at 80 % of the time and escalates when it is late.
/// </summary>
public sealed class OpenRectification(JobScheduler jobs, AlertStaff alert, WorkingDayCalendar calendar, TimeProvider clock, Platform.Data.AppDbContext db)
{
    public const string JobKind = "RectificationDeadline";

    /// <summary>Contact her within this many working days.</summary>
    public const int ContactWorkingDays = 1;

    /// <summary>Answer a simple matter within this many working days; a complex one within <see cref="ComplexWorkingDays"/>.</summary>
    public const int SimpleWorkingDays = 2;

    public const int ComplexWorkingDays = 15;

    public async Task<Rectification> Handle(Rating rating, Case target, int round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rating);
        ArgumentNullException.ThrowIfNull(target);
        var today = clock.Today();
        var rectification = new Rectification
        {
            Id = Guid.NewGuid(),
            RatingId = rating.Id,
            CaseId = target.Id,
            ResidentId = target.ResidentId,
            ServiceCode = rating.ServiceCode,
            DepartmentCode = rating.DepartmentCode,
            OpenedAt = clock.GetUtcNow().UtcDateTime,
            Round = round,
            ContactDueOn = calendar.AddWorkingDays(today, ContactWorkingDays),
            AnswerDueOn = calendar.AddWorkingDays(today, SimpleWorkingDays),
        };
        db.Rectifications.Add(rectification);
        await alert.Department(target, rating.DepartmentCode, StaffRole.CaseOfficer, StaffAlertKind.BadReview, $"{rectification.Id:N}:opened", rectification.ContactDueOn, cancellationToken);
        jobs.ScheduleForNewSubject(JobKind, rectification.Id.ToString(), CheckRectificationDeadline.NextCheck(rectification, calendar)!.Value);
        return rectification;
    }
}
