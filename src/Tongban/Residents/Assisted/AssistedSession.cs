using Tongban.Platform.Audit;

namespace Tongban.Residents.Assisted;

/// <summary>How the member of staff made sure the person is who she says.</summary>
public enum IdentityCheck
{
    /// <summary>At a counter: the ID card read by the card reader.</summary>
    IdCardReader,

    /// <summary>At a counter: the ID card looked at and compared with the person.</summary>
    IdCardInspected,

    /// <summary>On the phone: questions only she can answer, from what the city holds.</summary>
    SecurityQuestions,

    /// <summary>On the phone: the agent called her back on the mobile number on record.</summary>
    CallbackToRegisteredMobile,

    /// <summary>By post: a copy of her ID card came with the form she signed, and matches it.</summary>
    IdCardCopyEnclosed,
}

/// <summary>
/// 帮办代办: a counter clerk or hotline agent acting for one resident, after checking who she is and
/// recording her consent (a signed form's number at a counter, the call recording's reference on the phone).
/// </summary>
public sealed class AssistedSession
{
    /// <summary>A visit or a call does not last longer; after it the clerk must start again.</summary>
    public static readonly TimeSpan MaxLength = TimeSpan.FromHours(4);

    public Guid Id { get; set; }
    public Guid StaffId { get; set; }
    public Guid ResidentId { get; set; }

    /// <summary>Counter, Post (a clerk keying in a signed paper form that came by post) or Hotline.</summary>
    public Channel Channel { get; set; }

    public IdentityCheck IdentityCheck { get; set; }
    public required string ConsentReference { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? EndedAt { get; set; }

    /// <summary>A counter visit or a 12345 call is rated (一次一评); a paper form keyed in from the post is not a visit.</summary>
    public bool Rateable => Channel is Channel.Counter or Channel.Hotline;

    /// <summary>How she and staff name the visit or call: eight letters and digits of its id, e.g. on a rating's answer.</summary>
    public string Reference => ReferenceOf(Id);

    public static string ReferenceOf(Guid id) => id.ToString("N")[..8].ToUpperInvariant();

    public Actor Actor(string staffName) => new(ActorKind.Staff, StaffId, staffName, Channel, $"consent:{ConsentReference}");
}

public static class AssistedSessionQueries
{
    /// <summary>The sessions of this member of staff that are still open: not finished and not older than <see cref="AssistedSession.MaxLength"/>.</summary>
    public static IQueryable<AssistedSession> OpenFor(this IQueryable<AssistedSession> sessions, Guid staffId, DateTime now)
    {
        var since = now - AssistedSession.MaxLength;
        return sessions.Where(s => s.StaffId == staffId && s.EndedAt == null && s.StartedAt > since);
    }
}
