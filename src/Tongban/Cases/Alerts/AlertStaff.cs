using Microsoft.EntityFrameworkCore;
using Tongban.Cases.Log;
using Tongban.Catalogue;
using Tongban.Platform.Data;
using Tongban.Staff;

namespace Tongban.Cases.Alerts;

/// <summary>
/// Puts an alert on the workbench of whoever must act: the officer with the case when its time runs short
/// (every officer of the department while no one has it), the department head and that officer when it is
/// escalated, and the officer the head hands it to. Joins the caller's unit of work.
/// </summary>
public sealed class AlertStaff(AppDbContext db, CatalogueStore catalogue, TimeProvider clock) : ICaseChangeReaction
{
    /// <summary>After a case action: escalations and hand-overs raise alerts, other actions none.</summary>
    public async Task Follow(CaseChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var (target, action) = (change.Case, change.Action);
        var key = $"{target.Id:N}:{action.Sequence}";
        switch (action.Kind)
        {
            case CaseActionKind.Escalated:
                await Add(target, StaffAlertKind.Escalated, key, [.. await Officers(target, StaffRole.DepartmentHead, cancellationToken), .. Assignee(target)], cancellationToken);
                break;
            case CaseActionKind.Reassigned when action.AssignedToId is { } to:
                await Add(target, StaffAlertKind.Assigned, key, [to], cancellationToken);
                break;
        }
    }

    /// <summary>At 80 % of the time limit.</summary>
    public async Task DeadlineNear(Case target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var recipients = Assignee(target).ToList() is { Count: > 0 } assignee ? assignee : await Officers(target, StaffRole.CaseOfficer, cancellationToken);
        await Add(target, StaffAlertKind.DeadlineNear, $"{target.Id:N}:due:{target.DueOn:yyyyMMdd}", recipients, cancellationToken);
    }

    /// <summary>
    /// An alert for every active member of the department with <paramref name="role"/> about work that follows a case or
    /// a visit (a bad review to rectify), named by <paramref name="reference"/>; <paramref name="key"/> makes it once per recipient.
    /// </summary>
    public async Task Department(Guid? caseId, string reference, string departmentCode, StaffRole role, StaffAlertKind kind, string key, DateOnly dueOn, CancellationToken cancellationToken)
    {
        var staff = await db.StaffMembers.Where(s => s.Active && s.Role == role && s.DepartmentCode == departmentCode).Select(s => s.Id).ToListAsync(cancellationToken);
        await Add(caseId, reference, kind, key, staff, dueOn, cancellationToken);
    }

    private static IEnumerable<Guid> Assignee(Case target) => target.AssignedToId is { } id ? [id] : [];

    private async Task<List<Guid>> Officers(Case target, StaffRole role, CancellationToken cancellationToken)
    {
        var department = (await catalogue.Current(cancellationToken)).Service(target.ServiceCode)?.Department?.Code;
        return await db.StaffMembers.Where(s => s.Active && s.Role == role && s.DepartmentCode == department).Select(s => s.Id).ToListAsync(cancellationToken);
    }

    private Task Add(Case target, StaffAlertKind kind, string key, List<Guid> recipients, CancellationToken cancellationToken) =>
        Add(target.Id, target.Reference, kind, key, recipients, target.DueOn, cancellationToken);

    private async Task Add(Guid? caseId, string reference, StaffAlertKind kind, string key, List<Guid> recipients, DateOnly dueOn, CancellationToken cancellationToken)
    {
        if (recipients.Count == 0)
        {
            return;
        }

        var already = await db.StaffAlerts.Where(a => a.Key == key).Select(a => a.StaffMemberId).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        db.StaffAlerts.AddRange(recipients.Distinct().Except(already).Select(staff => new StaffAlert
        {
            Id = Guid.NewGuid(),
            StaffMemberId = staff,
            CaseId = caseId,
            Reference = reference,
            Kind = kind,
            Key = key,
            DueOn = dueOn,
            CreatedAt = now,
        }));
    }
}
