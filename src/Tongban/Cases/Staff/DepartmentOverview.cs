using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Calendar;
using Tongban.Platform.Data;

namespace Tongban.Cases.Staff;

public sealed record OfficerLoad(string? Officer, int Open, int Overdue);

public sealed record Overview(int Open, int NotAccepted, int Waiting, int DueSoon, int Overdue, int Escalated, IReadOnlyList<OfficerLoad> Load, IReadOnlyList<Case> NeedAttention);

/// <summary>
/// The department head's view of open cases: how many are due within <see cref="SoonWorkingDays"/> working
/// days, past their deadline, escalated; each officer's load; and the cases that need her first.
/// A case waiting for the resident is neither due nor overdue: its clock stands still.
/// </summary>
public sealed class DepartmentOverview(AppDbContext db, WorkingDayCalendar calendar)
{
    public const int SoonWorkingDays = 3;

    public async Task<Overview> Handle(IReadOnlyCollection<string> departmentServices, DateOnly today, CancellationToken cancellationToken)
    {
        var open = db.Cases.AsNoTracking().Where(c => departmentServices.Contains(c.ServiceCode)
            && (c.Status == CaseStatus.WithOfficer || c.Status == CaseStatus.InProgress || c.Status == CaseStatus.WaitingForResident));
        var running = open.Where(c => c.Status != CaseStatus.WaitingForResident);
        var soon = calendar.AddWorkingDays(today, SoonWorkingDays);
        var load = await open.GroupBy(c => c.AssignedToName)
            .Select(g => new OfficerLoad(g.Key, g.Count(), g.Count(c => c.Status != CaseStatus.WaitingForResident && c.DueOn < today)))
            .ToListAsync(cancellationToken);
        var attention = await running.Where(c => c.EscalatedAt != null || c.DueOn <= soon)
            .OrderBy(c => c.DueOn).ThenBy(c => c.SubmittedAt).Take(20).ToListAsync(cancellationToken);
        return new(
            load.Sum(l => l.Open),
            await open.CountAsync(c => c.Status == CaseStatus.WithOfficer, cancellationToken),
            await open.CountAsync(c => c.Status == CaseStatus.WaitingForResident, cancellationToken),
            await running.CountAsync(c => c.DueOn >= today && c.DueOn <= soon, cancellationToken),
            load.Sum(l => l.Overdue),
            await running.CountAsync(c => c.EscalatedAt != null, cancellationToken),
            load.OrderByDescending(l => l.Open).ToList(),
            attention);
    }
}
