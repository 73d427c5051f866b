namespace Tongban.Ratings.Counter;

/// <summary>
/// A one-use link for the counter tablet (<c>/counter/rate/{token}</c>): the clerk who served her opens it, she rates on
/// the tablet without signing in, and the link is spent. Only its hash is stored: the link itself is the key.
/// </summary>
public sealed class CounterRatingToken
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    public Guid Id { get; set; }

    /// <summary>SHA-256 of the token, hex.</summary>
    public required string TokenHash { get; set; }

    /// <summary>The case she rates, or (when null) the visit in <see cref="VisitId"/>.</summary>
    public Guid? CaseId { get; set; }

    /// <summary>The counter visit she rates, when it is the visit and not a case.</summary>
    public Guid? VisitId { get; set; }
    public Guid StaffId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
}
