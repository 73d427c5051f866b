namespace Tongban.Entitlements;

public enum OfferStatus
{
    /// <summary>Invited; waiting for her answer (reminded at most once, then on the outreach list).</summary>
    Invited,

    /// <summary>She (or someone for her) accepted: a draft was started, or the application sent.</summary>
    Accepted,

    Declined,

    /// <summary>Granted without an application (免申即享): the case was opened and decided by the rules.</summary>
    Granted,

    /// <summary>No longer offered: she died, moved away, or asked for no proactive offers.</summary>
    Withdrawn,
}

/// <summary>
/// One offer of one entitlement to one resident on one occasion, made once: the (resident, service, occasion) key is
/// unique, so two runs of the job, on one node or several, cannot make it twice.
/// </summary>
public sealed class Offer
{
    public const int CodeLength = 8;
    public const int MaxWrongReplies = 5;

    public Guid Id { get; set; }
    public Guid ResidentId { get; set; }
    public required string ServiceCode { get; set; }

    /// <summary>The number of the e-certificate that occasioned it; empty for an offer made once in a life (turning 60).</summary>
    public string Occasion { get; set; } = "";

    public OfferStatus Status { get; set; }

    /// <summary>Short, printed on a letter and said on the phone: how a clerk or a 12345 agent finds the offer.</summary>
    public required string Reference { get; set; }

    /// <summary>SHA-256 of the code she replies by SMS; never the code itself.</summary>
    public string? ReplyCodeHash { get; set; }

    public DateTime? ReplyCodeExpiresAt { get; set; }

    /// <summary>SMS replies from her number since the last code was sent (each spends a try, a wrong one on every open offer of hers); at the limit the code stops working.</summary>
    public int WrongReplies { get; set; }

    /// <summary>The answers the city filled from its facts, JSON: what accepting starts the application with.</summary>
    public string AnswersJson { get; set; } = "{}";

    public DateTime CreatedAt { get; set; }
    public DateTime? RemindedAt { get; set; }

    /// <summary>When the reminder went unanswered too: she is on her district's outreach list from then.</summary>
    public DateTime? UnreachedAt { get; set; }

    public DateTime? AnsweredAt { get; set; }
    public Channel? AnsweredChannel { get; set; }

    /// <summary>Who answered, when it was not she herself: a family member, a clerk, a community worker.</summary>
    public string? AnsweredBy { get; set; }

    /// <summary>The case it led to (granted, or sent on acceptance).</summary>
    public Guid? CaseId { get; set; }

    /// <summary>The last outreach contact, in the worker's words ("visited, she accepts").</summary>
    public string? LastContact { get; set; }

    public DateTime? LastContactAt { get; set; }

    /// <summary>Changes with every update: two answers at once (an SMS and a click) cannot both land.</summary>
    public int Version { get; set; }

    public bool Open => Status == OfferStatus.Invited;
}
