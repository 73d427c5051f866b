namespace Tongban.Residents.Identity;

/// <summary>
/// Two accounts each proved the same ID number. Neither wins by being first: a counter clerk, with the card in
/// front of her, decides which account it belongs to.
/// </summary>
public sealed class IdentityDispute
{
    public Guid Id { get; set; }
    public required string IdNumber { get; set; }

    /// <summary>The account that holds the number now.</summary>
    public Guid HolderId { get; set; }

    /// <summary>The account that proved it as well.</summary>
    public Guid ClaimantId { get; set; }

    public IdNumberProof ClaimantProof { get; set; }
    public DateTime RaisedAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public Guid? ResolvedBy { get; set; }

    /// <summary>The account the clerk gave the number to.</summary>
    public Guid? ResolvedFor { get; set; }
}
