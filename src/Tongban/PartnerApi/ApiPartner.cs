namespace Tongban.PartnerApi;

/// <summary>
/// A partner registered by the operator for the open API. Its OAuth client (redirect addresses, scopes, hashed secret)
/// is OpenIddict's application with the same client id; this row holds what the city needs besides: the names residents
/// read on the consent screen, who to call, and its request limit. The client id is also the partner code on its cases.
/// </summary>
public sealed class ApiPartner
{
    public required string ClientId { get; set; }
    public required string NameZhCn { get; set; }
    public required string NameEn { get; set; }

    /// <summary>Who the operator calls about it (an e-mail address or phone number).</summary>
    public required string Contact { get; set; }

    /// <summary>Requests per minute over the whole API, counted across every node.</summary>
    public int RequestsPerMinute { get; set; }

    public DateTime RegisteredAt { get; set; }

    public string Name(bool english) => english ? NameEn : NameZhCn;
}
