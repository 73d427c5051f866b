using System.Globalization;

namespace Tongban.Platform.Audit;

/// <summary>What part of a resident's data a trail entry is about.</summary>
public enum AuditSubjectKind
{
    Profile,
    Mobile,
    IdNumber,
    Delegation,
    Activity,
    Inbox,
    Letter,
    Case,
    Document,
}

/// <summary>
/// What a trail entry touched: a kind, and for a case, its documents or a letter, which one. Stored (and hashed) as
/// "Kind" or "Kind:Key", the form every existing record already has, so chains written before this type still verify.
/// </summary>
public readonly record struct AuditSubject(AuditSubjectKind Kind, string? Key = null)
{
    public static AuditSubject Profile => new(AuditSubjectKind.Profile);
    public static AuditSubject Mobile => new(AuditSubjectKind.Mobile);
    public static AuditSubject IdNumber => new(AuditSubjectKind.IdNumber);
    public static AuditSubject Delegation => new(AuditSubjectKind.Delegation);
    public static AuditSubject Activity => new(AuditSubjectKind.Activity);
    public static AuditSubject Inbox => new(AuditSubjectKind.Inbox);

    /// <summary>A case, by the reference she reads on her letters.</summary>
    public static AuditSubject Case(string displayedReference) => new(AuditSubjectKind.Case, displayedReference);

    /// <summary>The documents she uploaded to a case, by the case's reference.</summary>
    public static AuditSubject Documents(string displayedReference) => new(AuditSubjectKind.Document, displayedReference);

    /// <summary>A letter to her, printed in the given batch.</summary>
    public static AuditSubject Letter(Guid batchId) => new(AuditSubjectKind.Letter, batchId.ToString("N", CultureInfo.InvariantCulture));

    /// <summary>The resource key of the words for an entry with this subject, e.g. "Audit.Viewed.Case".</summary>
    public string TextKey(AuditAction action) => $"Audit.{action}.{Kind}";

    public override string ToString() => Key is null ? Kind.ToString() : $"{Kind}:{Key}";

    public static AuditSubject Parse(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var colon = stored.IndexOf(':', StringComparison.Ordinal);
        var kind = colon < 0 ? stored : stored[..colon];
        return Enum.TryParse<AuditSubjectKind>(kind, out var parsed) && Enum.IsDefined(parsed)
            ? new(parsed, colon < 0 ? null : stored[(colon + 1)..])
            : throw new FormatException($"Unknown audit subject '{stored}'.");
    }
}
