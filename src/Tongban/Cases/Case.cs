using System.Text.Json;
using Tongban.Platform.Audit;

namespace Tongban.Cases;

/// <summary>Where a case stands; derived from its action log (see <see cref="Log.CaseState"/>), never set by hand.</summary>
public enum CaseStatus
{
    /// <summary>Received; waiting for an officer to accept it (the name is kept: it is stored as text).</summary>
    WithOfficer,

    /// <summary>Accepted (受理): the statutory clock runs.</summary>
    InProgress,

    /// <summary>A one-time notice (一次性告知) is open: the clock stops until she answers.</summary>
    WaitingForResident,

    Approved,
    Rejected,
    Withdrawn,
}

/// <summary>The result of one instant-approval rule, kept on the case with the reason the resident was shown.</summary>
public sealed record RuleOutcome
{
    public required string RuleId { get; init; }
    public bool Passed { get; init; }

    /// <summary>The reason as shown to her at the time, in both languages, so it still reads the same after the rules change.</summary>
    public required string ReasonZhCn { get; init; }

    public required string ReasonEn { get; init; }
}

/// <summary>What the published rules of one service said of one application (see Applications/InstantApproval): every rule's outcome with the reason she is shown.</summary>
public sealed record InstantDecision(IReadOnlyList<RuleOutcome> Outcomes)
{
    /// <summary>Approved at once (秒批) when the service has rules and every one passes; otherwise a person decides.</summary>
    public bool Approved => Outcomes.Count > 0 && Outcomes.All(o => o.Passed);
}

/// <summary>
/// One application for one service: what was asked, by whom, on which channel, under which consent. What
/// happened since is its append-only log of <see cref="Log.CaseAction"/>s; status, deadline, assignee and
/// escalation here are a projection of that log, kept for queues and rewritten on every action.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716", Justification = "Case is the glossary's word; no other .NET language consumes this type.")]
public sealed class Case
{
    public Guid Id { get; set; }

    /// <summary>9 characters (8 and a check character), read aloud as XXXX-XXXX-X; see <see cref="CaseReference"/>.</summary>
    public required string Reference { get; set; }

    public required string ServiceCode { get; set; }
    public Guid ResidentId { get; set; }

    /// <summary>The draft it came from: one case per draft and service, so a second submit finds the first.</summary>
    public Guid DraftId { get; set; }

    /// <summary>Online, PartnerApp, Counter, Hotline or Post.</summary>
    public Channel Channel { get; set; }

    /// <summary>On the PartnerApp channel, the partner app's code (<c>Partners:Apps:{code}</c>), so that each partner's service can be counted.</summary>
    public string? PartnerCode { get; set; }

    public ActorKind ActorKind { get; set; }
    public Guid? ActorId { get; set; }
    public string? ActorName { get; set; }

    /// <summary>The delegation or consent the actor acted under, when not the resident herself.</summary>
    public string? ActingUnder { get; set; }

    public DateTime SubmittedAt { get; set; }

    /// <summary>The service's time limit when she applied, in working days: the promise does not change with the catalogue.</summary>
    public int TimeLimitWorkingDays { get; set; }

    /// <summary>The last day of the time limit: from acceptance (from submission until then), later by the days the clock stood still.</summary>
    public DateOnly DueOn { get; set; }

    public CaseStatus Status { get; set; }

    /// <summary>How many actions the log holds; an action names the version it saw, so two officers cannot overwrite each other.</summary>
    public int Version { get; set; }

    public DateOnly? AcceptedOn { get; set; }

    /// <summary>Since when the clock stands still for her answer to a one-time notice.</summary>
    public DateTime? WaitingSince { get; set; }

    public Guid? AssignedToId { get; set; }
    public string? AssignedToName { get; set; }

    /// <summary>When the case was escalated to the department head for the current deadline.</summary>
    public DateTime? EscalatedAt { get; set; }

    /// <summary>The deadline an 80 % warning was last given for (set by the deadline job, not by the log).</summary>
    public DateOnly? WarnedFor { get; set; }

    /// <summary>The form (and so rules) version the answers were given and judged under.</summary>
    public required string FormVersion { get; set; }

    public required string AnswersJson { get; set; }

    /// <summary>The answers by question id, as the draft held them when she sent it.</summary>
    public Dictionary<string, string> Answers() =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(AnswersJson) ?? [];
    public List<RuleOutcome> RuleOutcomes { get; set; } = [];
    public DateTime? DecidedAt { get; set; }

    /// <summary>When she asked for a person to look again at an automatic decision.</summary>
    public DateTime? ReviewRequestedAt { get; set; }
}
