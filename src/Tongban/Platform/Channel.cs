// In the root namespace: every layer names it, as the one word for where something was done.
namespace Tongban;

/// <summary>
/// Where something was done: the ways a resident can reach a service (渠道), and the two places that are not
/// hers: an office (staff working a case at their desks) and the system (rules and jobs). One type on services,
/// actors, drafts, cases, their logs and her trail. Stored by name, so never rename a value.
/// </summary>
public enum Channel
{
    Online,
    PartnerApp,
    Counter,
    Hotline,
    Post,
    Kiosk,
    Proactive,

    /// <summary>Staff at their desks, working a case or the post room: never a service's channel.</summary>
    Office,

    /// <summary>The platform itself (instant approval, the time-limit watch): never a service's channel.</summary>
    System,
}

public static class Channels
{
    /// <summary>Channels that need no smartphone or computer of the resident's own.</summary>
    public static bool IsNonDigital(this Channel channel) =>
        channel is Channel.Counter or Channel.Hotline or Channel.Post;

    /// <summary>A way a resident reaches a service, as the catalogue lists them (not an office or the system).</summary>
    public static bool IsResidents(this Channel channel) => channel is not (Channel.Office or Channel.System);
}
