using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Calendar;
using Tongban.Platform.Data;

namespace Tongban.Cases.Queue;

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
        // One pass over the open cases, counted per officer; the department's figures are their sums.
        var perOfficer = await open.GroupBy(c => c.AssignedToName).Select(g => new
        {
            Officer = g.Key,
            Open = g.Count(),
            NotAccepted = g.Count(c => c.Status == CaseStatus.WithOfficer),
            Waiting = g.Count(c => c.Status == CaseStatus.WaitingForResident),
            DueSoon = g.Count(c => c.Status != CaseStatus.WaitingForResident && c.DueOn >= today && c.DueOn <= soon),
            Overdue = g.Count(c => c.Status != CaseStatus.WaitingForResident && c.DueOn < today),
            Escalated = g.Count(c => c.Status != CaseStatus.WaitingForResident && c.EscalatedAt != null),
        }).ToListAsync(cancellationToken);
        var attention = await running.Where(c => c.EscalatedAt != null || c.DueOn <= soon)
            .OrderBy(c => c.DueOn).ThenBy(c => c.SubmittedAt).Take(20).ToListAsync(cancellationToken);
        return new(
            perOfficer.Sum(o => o.Open),
            perOfficer.Sum(o => o.NotAccepted),
            perOfficer.Sum(o => o.Waiting),
            perOfficer.Sum(o => o.DueSoon),
            perOfficer.Sum(o => o.Overdue),
            perOfficer.Sum(o => o.Escalated),
            perOfficer.Select(o => new OfficerLoad(o.Officer, o.Open, o.Overdue)).OrderByDescending(l => l.Open).ToList(),
            attention);
    }
}
