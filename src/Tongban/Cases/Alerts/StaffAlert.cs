namespace Tongban.Cases.Alerts;

public enum StaffAlertKind
{
    /// <summary>80 % of the case's working days have passed.</summary>
    DeadlineNear,

    /// <summary>The time limit passed and the case went to the department head.</summary>
    Escalated,

    /// <summary>The department head handed the case to her.</summary>
    Assigned,

    /// <summary>She rated the case badly: contact her by the date.</summary>
    BadReview,

    /// <summary>80 % of the time to answer a bad review has passed.</summary>
    ReviewDueNear,

    /// <summary>The answer to a bad review is late (to the department head).</summary>
    ReviewLate,
}

/// <summary>
/// Something about a case one member of staff must see, shown on her workbench until she marks it read. The
/// key makes each alert once per person, however often the job or the action that raises it runs.
/// </summary>
public sealed class StaffAlert
{
    public Guid Id { get; set; }
    public Guid StaffMemberId { get; set; }
    /// <summary>The case; null for a bad review of a visit or a call (<see cref="Reference"/> is then the visit's).</summary>
    public Guid? CaseId { get; set; }
    public required string Reference { get; set; }
    public StaffAlertKind Kind { get; set; }

    /// <summary>What raised it: the case action ("{case}:{sequence}") or the deadline warned of ("{case}:due:{date}").</summary>
    public required string Key { get; set; }

    /// <summary>The case's deadline when the alert was raised.</summary>
    public DateOnly DueOn { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
}
