namespace Tongban.Platform.Audit;

public enum AuditAction
{
    Viewed,
    Changed,
    Created,
    Accepted,
    Revoked,
}

/// <summary>
/// One read or change of a resident's data by someone other than herself. Append-only: each record holds
/// the hash of the one before it for the same resident, so altering or removing one breaks the chain.
/// </summary>
public sealed class AuditRecord
{
    public long Id { get; set; }
    public Guid ResidentId { get; set; }

    /// <summary>1, 2, 3… per resident.</summary>
    public int Sequence { get; set; }

    public DateTime At { get; set; }
    public ActorKind ActorKind { get; set; }
    public Guid? ActorId { get; set; }
    public required string ActorName { get; set; }
    public Channel Channel { get; set; }
    public AuditAction Action { get; set; }

    /// <summary>What was touched: her profile, a delegation, a case.</summary>
    public required AuditSubject Subject { get; set; }

    /// <summary>The right it was done under: delegation id, consent reference.</summary>
    public string? Reason { get; set; }

    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }

    /// <summary>Its place in the log's Merkle tree, from when a signed tree head includes it (see Anchor/).</summary>
    public long? LogIndex { get; set; }
}

/// <summary>
/// The newest link of a resident's chain. Appending updates it first, which serialises appends for one
/// resident (a row lock in PostgreSQL, the write lock in SQLite), and lets a check notice a removed last record.
/// </summary>
public sealed class AuditHead
{
    public Guid ResidentId { get; set; }
    public int Count { get; set; }
    public required string LastHash { get; set; }
}
