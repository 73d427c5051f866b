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

    /// <summary>The list of her applications and drafts.</summary>
    Applications,
    Letter,
    Case,
    Document,

    /// <summary>A service the city offered her on its own initiative, by the offer's reference.</summary>
    Offer,

    /// <summary>An appointment at a hall, by its reference.</summary>
    Booking,

    /// <summary>A counter visit or 12345 call she rated, by its reference.</summary>
    Visit,

    /// <summary>One of her e-certificates, by its number.</summary>
    Certificate,
}

/// <summary>
/// What a trail entry touched: a kind; for a case, its documents or a letter, which one; for a change to a case, what
/// was done (approved, a notice…), so that she reads what happened and not only that something did. Stored (and
/// hashed) as "Kind", "Kind:Key" or "Kind:Key:Detail"; records written before this type still parse and verify.
/// </summary>
public readonly record struct AuditSubject(AuditSubjectKind Kind, string? Key = null, string? Detail = null)
{
    public static AuditSubject Profile => new(AuditSubjectKind.Profile);
    public static AuditSubject Mobile => new(AuditSubjectKind.Mobile);
    public static AuditSubject IdNumber => new(AuditSubjectKind.IdNumber);
    public static AuditSubject Delegation => new(AuditSubjectKind.Delegation);
    public static AuditSubject Activity => new(AuditSubjectKind.Activity);
    public static AuditSubject Inbox => new(AuditSubjectKind.Inbox);
    public static AuditSubject Applications => new(AuditSubjectKind.Applications);

    /// <summary>A case, by the reference she reads on her letters.</summary>
    public static AuditSubject Case(string displayedReference) => new(AuditSubjectKind.Case, displayedReference);

    /// <summary>A change to a case: which case, and what was done to it (the case action's name).</summary>
    public static AuditSubject Case(string displayedReference, string action) => new(AuditSubjectKind.Case, displayedReference, action);

    /// <summary>The documents she uploaded to a case, by the case's reference.</summary>
    public static AuditSubject Documents(string displayedReference) => new(AuditSubjectKind.Document, displayedReference);

    /// <summary>An offer of a service the city made her, by its reference (printed on the invitation).</summary>
    public static AuditSubject Offer(string reference) => new(AuditSubjectKind.Offer, reference);

    /// <summary>An appointment at a hall, by its reference as she reads it.</summary>
    public static AuditSubject Booking(string displayedReference) => new(AuditSubjectKind.Booking, displayedReference);

    /// <summary>Something done with an appointment other than booking or cancelling it (checking her in).</summary>
    public static AuditSubject Booking(string displayedReference, string action) => new(AuditSubjectKind.Booking, displayedReference, action);

    /// <summary>A change to what she said of a counter visit or 12345 call: which visit, and what was done.</summary>
    public static AuditSubject Visit(string reference, string action) => new(AuditSubjectKind.Visit, reference, action);

    /// <summary>One of her e-certificates, by its number.</summary>
    public static AuditSubject Certificate(string number) => new(AuditSubjectKind.Certificate, number);

    /// <summary>A change to one of her e-certificates (revoked, suspended, reinstated).</summary>
    public static AuditSubject Certificate(string number, string change) => new(AuditSubjectKind.Certificate, number, change);

    /// <summary>A letter to her, printed in the given batch.</summary>
    public static AuditSubject Letter(Guid batchId) => new(AuditSubjectKind.Letter, batchId.ToString("N", CultureInfo.InvariantCulture));

    /// <summary>The resource key of the words for an entry with this subject, e.g. "Audit.Viewed.Case" or "Audit.Changed.Case.Approved".</summary>
    public string TextKey(AuditAction action) => Detail is null ? $"Audit.{action}.{Kind}" : $"Audit.{action}.{Kind}.{Detail}";

    public override string ToString() => (Key, Detail) switch
    {
        (null, _) => Kind.ToString(),
        (_, null) => $"{Kind}:{Key}",
        _ => $"{Kind}:{Key}:{Detail}",
    };

    public static AuditSubject Parse(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var parts = stored.Split(':', 3);
        return Enum.TryParse<AuditSubjectKind>(parts[0], out var parsed) && Enum.IsDefined(parsed)
            ? new(parsed, parts.ElementAtOrDefault(1), parts.ElementAtOrDefault(2))
            : throw new FormatException($"Unknown audit subject '{stored}'.");
    }
}
