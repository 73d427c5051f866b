using Tongban.Platform.Audit;

namespace Tongban.Ratings;

/// <summary>
/// One resident's rating (好差评) of one case, or of one counter visit or 12345 call (its assisted session): five levels,
/// 5 非常满意 to 1 非常不满意, the bottom two a bad review; the national dimensions for where she was served (online or
/// offline), each 1–5 or not given; an optional comment. One per case (一事一评) and one per visit or call (一次一评):
/// unique indexes on <see cref="CaseId"/> and <see cref="VisitId"/> hold it under any number of sends at once.
/// </summary>
public sealed class Rating
{
    public const int MaxCommentLength = 500;

    public Guid Id { get; set; }
    /// <summary>The case rated; null for a rating of a visit or a call.</summary>
    public Guid? CaseId { get; set; }

    /// <summary>The counter visit or 12345 call rated (its assisted session); null for a rating of a case.</summary>
    public Guid? VisitId { get; set; }

    public Guid ResidentId { get; set; }
    /// <summary>The case's service, or for a visit or call <see cref="Visits.VisitService.CounterVisit"/> or <see cref="Visits.VisitService.HotlineCall"/>.</summary>
    public required string ServiceCode { get; set; }

    /// <summary>The department that ran the service when she rated: it answers a bad review even if the catalogue moves the service later.</summary>
    public required string DepartmentCode { get; set; }

    /// <summary>Where she was served (the case's channel): online and partner-app cases ask the online dimensions, the rest the offline ones.</summary>
    public Channel ServedOn { get; set; }

    /// <summary>Where she rated: the case's web page, an SMS reply, a counter tablet, the hotline.</summary>
    public RatedVia RatedVia { get; set; }

    /// <summary>1 (非常不满意) to 5 (非常满意).</summary>
    public int Level { get; set; }

    /// <summary>Each dimension's level, by dimension (see <see cref="RatingDimensions"/>); only those she gave.</summary>
    public Dictionary<string, int> Dimensions { get; set; } = [];

    public string? Comment { get; set; }
    public DateTime RatedAt { get; set; }

    /// <summary>Who entered it: herself, or someone she asked (a proxy she allowed to rate, the hotline agent she told it to).</summary>
    public ActorKind RaterKind { get; set; }
    public string? RaterName { get; set; }

    /// <summary>The department's appeal that the review is malicious, with its evidence: once per rating.</summary>
    public DateTime? AppealedAt { get; set; }
    public string? AppealEvidence { get; set; }
    public string? AppealedBy { get; set; }

    /// <summary>Who decided the appeal (a head of another department, or an operator), when, and why: she is told the reasons when it is upheld.</summary>
    public DateTime? AppealDecidedAt { get; set; }
    public bool? AppealUpheld { get; set; }
    public string? AppealDecidedBy { get; set; }
    public string? AppealDecision { get; set; }

    /// <summary>When an upheld appeal took it out of the figures.</summary>
    public DateTime? ExcludedAt { get; set; }

    public bool IsBad => Level <= 2;
}

public enum RatedVia
{
    Web,
    Sms,
    CounterTablet,
    Hotline,
}
