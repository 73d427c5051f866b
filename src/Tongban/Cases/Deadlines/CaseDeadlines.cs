using Tongban.Cases.Log;
using Tongban.Platform.Calendar;
using Tongban.Platform.Jobs;

namespace Tongban.Cases.Deadlines;

/// <summary>When a case's time limit needs looking at next: the 80 % warning, then the breach.</summary>
public sealed class CaseDeadlines(JobScheduler jobs) : ICaseChangeReaction
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

    /// <summary>Schedules (or moves) the case's deadline job in the caller's unit of work; for a case opened in it, without looking for a job it cannot have yet (see <see cref="JobScheduler.ScheduleForNewSubject"/>).</summary>
    public async Task Follow(CaseChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (NextCheck(change.Case, change.State) is not { } next)
        {
            return;
        }

        if (change.Opened)
        {
            jobs.ScheduleForNewSubject(JobKind, change.Case.Id.ToString(), next);
        }
        else
        {
            await jobs.Schedule(JobKind, change.Case.Id.ToString(), next, cancellationToken);
        }
    }
}
