using Tongban.Platform.Calendar;

namespace Tongban.Cases.Log;

/// <summary>
/// What a case's log adds up to. The time limit counts working days from acceptance (from submission until
/// then); days on which the clock stood still for her answer are added back. The warning comes once 80 % of
/// the working days have passed, the breach once all have and the case is still open.
/// </summary>
public sealed record CaseState(
    CaseStatus Status,
    DateOnly? AcceptedOn,
    DateOnly DueOn,
    DateOnly WarnAfter,
    DateTime? WaitingSince,
    Guid? AssignedToId,
    string? AssignedToName,
    DateTime? EscalatedAt,
    DateTime? DecidedAt,
    DateTime? ReviewRequestedAt,
    IReadOnlyList<string> OpenNotice)
{
    public const double WarningShare = 0.8;

    public static CaseState Replay(IEnumerable<CaseAction> actions, int timeLimitWorkingDays, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(calendar);
        var status = CaseStatus.WithOfficer;
        DateOnly start = default;
        DateOnly? accepted = null, waitingFrom = null;
        DateTime? waitingSince = null, escalated = null, decided = null, review = null;
        Guid? assignee = null;
        string? assigneeName = null;
        IReadOnlyList<string> notice = [];
        var paused = 0;
        foreach (var a in actions.OrderBy(a => a.Sequence))
        {
            var day = DateOnly.FromDateTime(CityTime.Local(a.At));
            switch (a.Kind)
            {
                case CaseActionKind.Submitted:
                    start = day;
                    break;
                case CaseActionKind.Accepted:
                    (status, accepted, start, paused, escalated) = (CaseStatus.InProgress, day, day, 0, null);
                    if (a.ActorKind == Platform.Audit.ActorKind.Staff)
                    {
                        (assignee, assigneeName) = (a.ActorId, a.ActorName);
                    }

                    break;
                case CaseActionKind.MoreInformationRequested or CaseActionKind.FurtherNotice:
                    (status, waitingSince, waitingFrom, notice) = (CaseStatus.WaitingForResident, a.At, day, a.Items);
                    break;
                case CaseActionKind.InformationProvided:
                    paused += calendar.WorkingDaysBetween(waitingFrom ?? day, day);
                    (status, waitingSince, waitingFrom, notice) = (accepted is null ? CaseStatus.WithOfficer : CaseStatus.InProgress, null, null, []);
                    break;
                case CaseActionKind.Approved or CaseActionKind.Rejected or CaseActionKind.Withdrawn:
                    status = a.Kind switch { CaseActionKind.Approved => CaseStatus.Approved, CaseActionKind.Rejected => CaseStatus.Rejected, _ => CaseStatus.Withdrawn };
                    (decided, waitingSince, notice) = (a.At, null, []);
                    break;
                case CaseActionKind.Reassigned:
                    (assignee, assigneeName) = (a.AssignedToId, a.AssignedToName);
                    break;
                case CaseActionKind.Escalated:
                    escalated = a.At;
                    break;
                case CaseActionKind.ReviewRequested when status == CaseStatus.Approved:
                    // A person looks again at an automatic approval: a new examination with its own time limit from today.
                    (status, accepted, start, paused, decided, escalated, review) = (CaseStatus.WithOfficer, null, day, 0, null, null, a.At);
                    break;
                case CaseActionKind.ReviewRequested:
                    // Already with a person: noted, and the time limit stays as it was.
                    review = a.At;
                    break;
            }
        }

        var due = calendar.AddWorkingDays(start, timeLimitWorkingDays + paused);
        var warn = calendar.AddWorkingDays(start, (int)Math.Ceiling(timeLimitWorkingDays * WarningShare) + paused);
        return new(status, accepted, due, warn, waitingSince, assignee, assigneeName, escalated, decided, review, notice);
    }

    /// <summary>Copies the state onto the case's row, where queues read it.</summary>
    public void ApplyTo(Case target)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Status = Status;
        target.AcceptedOn = AcceptedOn;
        target.DueOn = DueOn;
        target.WaitingSince = WaitingSince;
        target.AssignedToId = AssignedToId;
        target.AssignedToName = AssignedToName;
        target.EscalatedAt = EscalatedAt;
        target.DecidedAt = DecidedAt;
        target.ReviewRequestedAt = ReviewRequestedAt;
    }
}
