namespace Tongban.Applications;

public enum FormStep
{
    Viewed,
    Answered,
    Submitted,

    /// <summary>A draft left untouched for <see cref="RecordAbandonedDrafts.After"/>, at the page where she stopped.</summary>
    Abandoned,
}

/// <summary>
/// One step of one person through a form, for measuring where which groups give up (a page viewed and
/// never answered is where someone stopped; a draft left untouched is counted as abandoned there). No identity: only the group attributes she agreed to count,
/// otherwise "unknown".
/// </summary>
public sealed class FormEvent
{
    public long Id { get; set; }
    public required string FormKey { get; set; }

    /// <summary>The question id, or "check" for the check-answers page.</summary>
    public required string Page { get; set; }

    public FormStep Step { get; set; }
    public Channel Channel { get; set; }

    /// <summary>"0-17", "18-39", "40-59", "60-79", "80+" or "unknown".</summary>
    public required string AgeBand { get; set; }

    public required string District { get; set; }
    public required string Language { get; set; }

    /// <summary>The accessibility needs as a comma-separated list, "none", or "unknown".</summary>
    public required string Needs { get; set; }

    public DateTime At { get; set; }
}
