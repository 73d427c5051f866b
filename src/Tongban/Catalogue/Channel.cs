namespace Tongban.Catalogue;

/// <summary>The ways a resident can reach a service (渠道). Stored by name, so never renumber.</summary>
public enum Channel
{
    Online,
    PartnerApp,
    Counter,
    Hotline,
    Post,
    Kiosk,
    Proactive,
}

public static class Channels
{
    /// <summary>Channels that need no smartphone or computer of the resident's own.</summary>
    public static bool IsNonDigital(this Channel channel) =>
        channel is Channel.Counter or Channel.Hotline or Channel.Post;
}
