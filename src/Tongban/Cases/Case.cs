using Tongban.Platform.Audit;

namespace Tongban.Cases;

public enum CaseStatus
{
    /// <summary>Received; waiting for a person (no rules, or a rule did not pass).</summary>
    WithOfficer,

    /// <summary>Approved at once by the published rules (秒批).</summary>
    Approved,
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

/// <summary>
/// One application for one service. Casework (issue 6) turns this into an append-only action log; for now
/// it records what was asked, by whom, on which channel, under which consent, the deadline and the decision.
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
    public required string Channel { get; set; }

    public ActorKind ActorKind { get; set; }
    public Guid? ActorId { get; set; }
    public string? ActorName { get; set; }

    /// <summary>The delegation or consent the actor acted under, when not the resident herself.</summary>
    public string? ActingUnder { get; set; }

    public DateTime SubmittedAt { get; set; }

    /// <summary>The statutory time limit, in working days from submission by the city's calendar.</summary>
    public DateOnly DueOn { get; set; }

    public CaseStatus Status { get; set; }

    /// <summary>The form (and so rules) version the answers were given and judged under.</summary>
    public required string FormVersion { get; set; }

    public required string AnswersJson { get; set; }
    public List<RuleOutcome> RuleOutcomes { get; set; } = [];
    public DateTime? DecidedAt { get; set; }

    /// <summary>When she asked for a person to look again at an automatic decision.</summary>
    public DateTime? ReviewRequestedAt { get; set; }
}
