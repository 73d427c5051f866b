using Microsoft.EntityFrameworkCore;
using Tongban.Cases.Alerts;
using Tongban.Platform.Calendar;
using Tongban.Platform.Data;
using Tongban.Platform.Jobs;
using Tongban.Staff;

namespace Tongban.Ratings.Rectifications;

/// <summary>
/// The rectification's deadline job, like a case's: the department's officers are warned once 80 % of the working days
/// to answer have passed, its head is alerted the morning after the last day. Safe to run twice: each alert is marked
/// given by a conditional update, and alerts are keyed once per person.
/// </summary>
public sealed class CheckRectificationDeadline(AppDbContext db, TimeProvider clock, WorkingDayCalendar calendar, AlertStaff alert) : IJobHandler
{
    public string Kind => OpenRectification.JobKind;

    /// <summary>The morning after 80 % of the working days from opening to the answer's last day.</summary>
    public static DateTime WarningAt(Rectification r, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(calendar);
        var opened = DateOnly.FromDateTime(CityTime.Local(r.OpenedAt));
        var days = calendar.WorkingDaysBetween(opened, r.AnswerDueOn);
        return CityTime.StartOfDayUtc(calendar.AddWorkingDays(opened, (int)Math.Floor(days * Cases.Log.CaseState.WarningShare)).AddDays(1));
    }

    public static DateTime LateAt(Rectification r) => CityTime.StartOfDayUtc(r.AnswerDueOn.AddDays(1));

    /// <summary>When to look next, or null once it is answered or the lateness has been escalated.</summary>
    public static DateTime? NextCheck(Rectification r, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(r);
        if (r.AnsweredAt is not null || r.EscalatedFor == r.AnswerDueOn)
        {
            return null;
        }

        var warning = WarningAt(r, calendar);
        return r.WarnedFor != r.AnswerDueOn && warning < LateAt(r) ? warning : LateAt(r);
    }

    public async Task<DateTime?> Run(string subject, CancellationToken cancellationToken)
    {
        var r = Guid.TryParse(subject, out var id) ? await db.Rectifications.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, cancellationToken) : null;
        if (r is null || NextCheck(r, calendar) is not { } due
            || await db.Ratings.AnyAsync(g => g.Id == r.RatingId && g.ExcludedAt != null, cancellationToken))
        {
            // Answered, escalated already, or the review removed by an upheld appeal: nothing more to watch.
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (due > now)
        {
            return due;
        }

        var rated = await RatedSubject.Of(db, r.CaseId, await db.Ratings.Where(g => g.Id == r.RatingId).Select(g => g.VisitId).SingleAsync(cancellationToken), cancellationToken);
        var late = now >= LateAt(r);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var marked = late
            ? await db.Rectifications.Where(x => x.Id == id && x.AnsweredAt == null && (x.EscalatedFor == null || x.EscalatedFor != r.AnswerDueOn))
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.EscalatedFor, r.AnswerDueOn), cancellationToken)
            : await db.Rectifications.Where(x => x.Id == id && x.AnsweredAt == null && (x.WarnedFor == null || x.WarnedFor != r.AnswerDueOn))
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.WarnedFor, r.AnswerDueOn), cancellationToken);
        if (marked == 1)
        {
            var (role, kind) = late ? (StaffRole.DepartmentHead, StaffAlertKind.ReviewLate) : (StaffRole.CaseOfficer, StaffAlertKind.ReviewDueNear);
            await alert.Department(r.CaseId, rated.Reference, r.DepartmentCode, role, kind, $"{r.Id:N}:{kind}:{r.AnswerDueOn:yyyyMMdd}", r.AnswerDueOn, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return late ? null : LateAt(r);
    }
}
