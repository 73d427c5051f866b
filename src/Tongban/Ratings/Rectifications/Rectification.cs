namespace Tongban.Ratings.Rectifications;

/// <summary>
/// What a bad review obliges (整改): the department that ran the service contacts her within a working day, then
/// answers with what it found and what it changed, within 2 working days for a simple matter or 15 for a complex one.
/// She may say she is not satisfied once, which opens a second and last round: a second row, its
/// <see cref="Round"/> 2 (a unique index on the rating and the round holds "at most one more" under any load).
/// </summary>
public sealed class Rectification
{
    public const int MaxTextLength = 2000;

    public Guid Id { get; set; }
    public Guid RatingId { get; set; }
    /// <summary>The case the review was of; null when it was of a visit or a call.</summary>
    public Guid? CaseId { get; set; }
    public Guid ResidentId { get; set; }
    public required string ServiceCode { get; set; }
    public required string DepartmentCode { get; set; }
    public DateTime OpenedAt { get; set; }

    /// <summary>1, or 2 after she said the first answer did not satisfy her.</summary>
    public int Round { get; set; } = 1;

    /// <summary>The last day to contact her (1 working day after the review or her reply).</summary>
    public DateOnly ContactDueOn { get; set; }

    /// <summary>The last day to answer her: 2 working days for a simple matter, 15 once the department calls it complex.</summary>
    public DateOnly AnswerDueOn { get; set; }

    public bool Complex { get; set; }

    public DateTime? ContactedAt { get; set; }
    public string? ContactNote { get; set; }

    public DateTime? AnsweredAt { get; set; }
    public string? Found { get; set; }
    public string? Changed { get; set; }
    public string? AnsweredBy { get; set; }

    /// <summary>Her verdict on the answer: null until she gives one.</summary>
    public bool? Satisfied { get; set; }
    public DateTime? JudgedAt { get; set; }

    /// <summary>When the deadline job warned the department (80 % of the time) and escalated it to the head (late), for the deadline then current.</summary>
    public DateOnly? WarnedFor { get; set; }
    public DateOnly? EscalatedFor { get; set; }

    /// <summary>Concurrency token: two clerks answering at once, or she judging while they answer, cannot overwrite each other.</summary>
    public int Version { get; set; }

    public RectificationStatus Status =>
        AnsweredAt is not null ? (Satisfied is null ? RectificationStatus.Answered : RectificationStatus.Closed)
        : ContactedAt is null ? RectificationStatus.ToContact : RectificationStatus.ToAnswer;

    /// <summary>Answered by the last day of its round.</summary>
    public bool OnTime => AnsweredAt is { } at && DateOnly.FromDateTime(Platform.Calendar.CityTime.Local(at)) <= AnswerDueOn;
}

public enum RectificationStatus
{
    /// <summary>Nobody has contacted her yet.</summary>
    ToContact,

    /// <summary>Contacted; the department's answer is due.</summary>
    ToAnswer,

    /// <summary>Answered; her verdict is awaited.</summary>
    Answered,

    /// <summary>She said whether the answer satisfied her (if not, in round 1, round 2 is a new row).</summary>
    Closed,
}
