using Tongban.Cases.Alerts;
using Tongban.Catalogue;
using Tongban.Platform.Calendar;
using Tongban.Platform.Jobs;
using Tongban.Staff;

namespace Tongban.Ratings.Rectifications;

/// <summary>
/// Opens a round of rectification in the caller's unit of work: deadlines in working days from today (the service's, from
/// the catalogue), an alert to the department's officers, and the deadline job that warns at 80 % of the time and escalates when it is late.
/// </summary>
public sealed class OpenRectification(JobScheduler jobs, AlertStaff alert, WorkingDayCalendar calendar, CatalogueStore catalogue, TimeProvider clock, Platform.Data.AppDbContext db)
{
    public const string JobKind = "RectificationDeadline";

    /// <summary>The service's time limits in the catalogue as it is now; the default for a service that has left it.</summary>
    public async Task<RectificationTimeLimits> LimitsFor(string serviceCode, CancellationToken cancellationToken) =>
        (await catalogue.Current(cancellationToken)).Service(serviceCode)?.Rectification ?? RectificationTimeLimits.Default;

    public async Task<Rectification> Handle(Rating rating, int round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rating);
        var today = clock.Today();
        var limits = await LimitsFor(rating.ServiceCode, cancellationToken);
        var rectification = new Rectification
        {
            Id = Guid.NewGuid(),
            RatingId = rating.Id,
            CaseId = rating.CaseId,
            ResidentId = rating.ResidentId,
            ServiceCode = rating.ServiceCode,
            DepartmentCode = rating.DepartmentCode,
            OpenedAt = clock.GetUtcNow().UtcDateTime,
            Round = round,
            ContactDueOn = calendar.AddWorkingDays(today, limits.Contact),
            AnswerDueOn = calendar.AddWorkingDays(today, limits.Simple),
        };
        db.Rectifications.Add(rectification);
        var subject = await RatedSubject.Of(db, rating, cancellationToken);
        await alert.Department(rating.CaseId, subject.Reference, rating.DepartmentCode, StaffRole.CaseOfficer, StaffAlertKind.BadReview, $"{rectification.Id:N}:opened", rectification.ContactDueOn, cancellationToken);
        jobs.ScheduleForNewSubject(JobKind, rectification.Id.ToString(), CheckRectificationDeadline.NextCheck(rectification, calendar)!.Value);
        return rectification;
    }
}
