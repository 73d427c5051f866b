namespace Tongban.PartnerApi;

/// <summary>
/// What a partner may ask for. The first three act for a resident and need her consent on the consent screen; the
/// catalogue is the partner's own (client credentials). Names are in the tokens and the partner guide: never renamed.
/// </summary>
public static class PartnerScopes
{
    /// <summary>Read her applications and cases, their status and messages, her appointments and e-certificates.</summary>
    public const string ReadCases = "cases.read";

    /// <summary>Start, fill in and send applications for her.</summary>
    public const string Apply = "applications.write";

    /// <summary>Be told when a case the partner started changes (webhooks).</summary>
    public const string Updates = "updates";

    /// <summary>The service catalogue and open data, for the partner's own use.</summary>
    public const string Catalogue = "catalogue";

    /// <summary>Its subscription to changes of the cases it sent, for the partner's own use.</summary>
    public const string Webhooks = "webhooks";

    /// <summary>Scopes a resident grants, in the order the consent screen lists them.</summary>
    public static IReadOnlyList<string> ForResident { get; } = [ReadCases, Apply, Updates];

    /// <summary>Scopes of the partner's own token (client credentials), which acts for nobody.</summary>
    public static IReadOnlyList<string> ForPartner { get; } = [Catalogue, Webhooks];

    public static IReadOnlyList<string> All { get; } = [.. ForResident, .. ForPartner];

    /// <summary>What the scope lets the partner do, in plain words (a key of the shared resource).</summary>
    public static string PlainWords(string scope) => scope switch
    {
        ReadCases => "See your applications and cases, their progress and messages, your appointments and e-certificates",
        Apply => "Start, fill in and send applications for you; answer what the office asks about them, or withdraw them",
        Updates => "Tell you when something changes on an application it sent for you",
        Catalogue => "Read the list of the city's services",
        Webhooks => "Choose where messages about its applications are sent",
        _ => scope,
    };
}
