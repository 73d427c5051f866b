namespace Tongban.Platform.Audit;

/// <summary>Who did something to a resident's data or cases.</summary>
public enum ActorKind
{
    /// <summary>The resident herself: not written to her "who acted for me" trail.</summary>
    Resident,

    /// <summary>A family member or friend under a delegation (亲友代办).</summary>
    Proxy,

    /// <summary>A member of staff, for example at a counter or on the hotline (帮办代办).</summary>
    Staff,

    /// <summary>A partner's app or system, through the open API.</summary>
    Partner,

    /// <summary>An automatic rule: instant approval, a proactive service.</summary>
    Rule,

    /// <summary>Someone she showed a certificate to, checking it on the city's page or API: not identified, only counted on her trail.</summary>
    Verifier,
}

/// <summary>
/// The actor of one request: who, on which channel, and by what right (the delegation or the recorded consent).
/// </summary>
public sealed record Actor(ActorKind Kind, Guid? Id, string Name, Channel Channel, string? Reason)
{
    public static Actor Self(Guid residentId) => new(ActorKind.Resident, residentId, "", Channel.Online, null);

    /// <summary>Whoever checked her certificate on the city's verification page or API.</summary>
    public static Actor Verifier(Channel channel) => new(ActorKind.Verifier, null, "", channel, null);

    /// <summary>On the PartnerApp channel, the code of the partner app the visit came from.</summary>
    public string? Partner { get; init; }

    /// <summary>A member of staff's role when she acted (CaseOfficer, CounterClerk…), from her sign-in, so that what she may do can be checked where she does it; null for anyone else.</summary>
    public string? Role { get; init; }

    public bool IsResident(Guid residentId) => Kind == ActorKind.Resident && Id == residentId;
}
