using Microsoft.EntityFrameworkCore;
using Tongban.Cases.Alerts;
using Tongban.Cases.Log;
using Tongban.Platform.Audit;
using Tongban.Platform.Calendar;
using Tongban.Platform.Data;
using Tongban.Platform.Jobs;

namespace Tongban.Cases.Deadlines;

/// <summary>
/// The deadline job: warns the officer with the case at 80 % of the time limit and escalates to the department head at breach. Safe to
/// run twice: the warning is a conditional update, the escalation an action on the version it read.
/// </summary>
public sealed class CheckCaseDeadline(AppDbContext db, TimeProvider clock, WorkingDayCalendar calendar, AppendCaseAction append, AlertStaff alert) : IJobHandler
{
    /// <summary>Who escalates at breach, in the case's log and her trail.</summary>
    public static readonly Actor Watch = new(ActorKind.Rule, null, "Time-limit watch", Channel.System, "time limit");

    public string Kind => CaseDeadlines.JobKind;

    public async Task<DateTime?> Run(string subject, CancellationToken cancellationToken)
    {
        var target = Guid.TryParse(subject, out var id) ? await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken) : null;
        if (target is null)
        {
            return null;
        }

        var log = await db.CaseActions.AsNoTracking().Where(a => a.CaseId == id).ToListAsync(cancellationToken);
        var state = CaseState.Replay(log, target.TimeLimitWorkingDays, calendar);
        var now = clock.GetUtcNow().UtcDateTime;
        if (CaseDeadlines.NextCheck(target, state) is not { } due)
        {
            return null;
        }

        if (due > now)
        {
            return due;
        }

        // Past the breach (even if the warning was never given, say after an outage): escalate straight away.
        if (now >= CaseDeadlines.BreachAt(state))
        {
            var result = await append.Handle(id, target.Version, Watch, new CaseActionInput(CaseActionKind.Escalated, Text: "The time limit has passed."), cancellationToken);
            // Stale: an officer acted a moment ago; look again shortly with what she did.
            return result == AppendResult.Stale ? now.AddMinutes(1) : null;
        }

        // Whoever marks the warning given writes the alerts with it; a second runner finds it given and stops.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var warned = await db.Cases.Where(c => c.Id == id && (c.WarnedFor == null || c.WarnedFor != state.DueOn))
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.WarnedFor, state.DueOn), cancellationToken);
        if (warned == 1)
        {
            await alert.DeadlineNear(target, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return CaseDeadlines.BreachAt(state);
    }
}
