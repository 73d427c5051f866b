namespace Tongban.Ratings.Helpful;

/// <summary>
/// One anonymous answer to "was this page helpful?" on a service's page. It says how well the page explains the
/// service, not how the service was given: it is never a rating of a case (好差评), is counted apart, and holds
/// nothing about who answered.
/// </summary>
public sealed class PageFeedback
{
    /// <summary>How long after answering "no" the reason may still be added.</summary>
    public static readonly TimeSpan ReasonWindow = TimeSpan.FromHours(1);

    public Guid Id { get; set; }
    public required string ServiceCode { get; set; }
    public bool Helpful { get; set; }

    /// <summary>Why not, when she said it was not helpful and chose a reason.</summary>
    public PageFeedbackReason? Reason { get; set; }

    public DateTime At { get; set; }
}

/// <summary>Fixed reasons, not free text: nobody writes personal details into a form that is read by nobody in particular.</summary>
public enum PageFeedbackReason
{
    HardToUnderstand,
    SomethingMissing,
    SomethingWrong,
    CouldNotDoIt,
}
