using Tongban.Cases.Log;
using Tongban.Platform.Calendar;
using Tongban.Platform.Jobs;

namespace Tongban.Cases.Deadlines;

/// <summary>When a case's time limit needs looking at next: the 80 % warning, then the breach.</summary>
public sealed class CaseDeadlines(JobScheduler jobs)
{
    public const string JobKind = "CaseDeadline";

    /// <summary>The warning goes out once 80 % of the working days have passed: the morning after that day.</summary>
    public static DateTime WarningAt(CaseState state) => CityTime.StartOfDayUtc(state.WarnAfter.AddDays(1));

    /// <summary>Breached when the last day has passed and the case is still open: the morning after it.</summary>
    public static DateTime BreachAt(CaseState state) => CityTime.StartOfDayUtc(state.DueOn.AddDays(1));

    /// <summary>The next moment to look, or null while the clock stands still, after the escalation, or once decided.</summary>
    public static DateTime? NextCheck(Case target, CaseState state)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(state);
        if (state.Status is not (CaseStatus.WithOfficer or CaseStatus.InProgress) || state.EscalatedAt is not null)
        {
            return null;
        }

        return target.WarnedFor != state.DueOn && WarningAt(state) < BreachAt(state) ? WarningAt(state) : BreachAt(state);
    }

    /// <summary>Schedules (or moves) the case's deadline job in the caller's unit of work.</summary>
    public async Task Schedule(Case target, CaseState state, CancellationToken cancellationToken)
    {
        if (NextCheck(target, state) is { } next)
        {
            await jobs.Schedule(JobKind, target.Id.ToString(), next, cancellationToken);
        }
    }

    /// <summary>For a case being created in this unit of work (see <see cref="JobScheduler.ScheduleForNewSubject"/>).</summary>
    public void ScheduleFirst(Case target, CaseState state)
    {
        if (NextCheck(target, state) is { } next)
        {
            jobs.ScheduleForNewSubject(JobKind, target.Id.ToString(), next);
        }
    }
}
