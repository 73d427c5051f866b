using Tongban.Cases.Log;
using Tongban.Platform.Jobs;

namespace Tongban.Ratings;

/// <summary>
/// When a case ends (decided, withdrawn), she may rate it at once on its page; if she has not after three days, one
/// reminder goes to her on her channel (<see cref="RemindToRate"/>), then no more. Joins the case change's unit of work.
/// </summary>
public sealed class InviteToRate(JobScheduler jobs) : ICaseChangeReaction
{
    public const string JobKind = "RatingReminder";

    public static readonly TimeSpan ReminderAfter = TimeSpan.FromDays(3);

    public async Task Follow(CaseChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (!RateCase.Ended(change.State.Status) || change.Action.Kind is not (CaseActionKind.Approved or CaseActionKind.Rejected or CaseActionKind.Withdrawn or CaseActionKind.Submitted))
        {
            return;
        }

        var at = change.Action.At + ReminderAfter;
        if (change.Opened)
        {
            jobs.ScheduleForNewSubject(JobKind, change.Case.Id.ToString(), at);
        }
        else
        {
            await jobs.Schedule(JobKind, change.Case.Id.ToString(), at, cancellationToken);
        }
    }
}
