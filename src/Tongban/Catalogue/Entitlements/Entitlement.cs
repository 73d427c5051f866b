using System.Text.Json;
using System.Text.Json.Serialization;
using Tongban.Platform.Localization;

namespace Tongban.Catalogue.Entitlements;

/// <summary>
/// Who the city offers a service to before she asks (catalogue field <c>entitlement</c>, beside the service): a rule over
/// what the city holds about her (<see cref="EntitlementFacts"/>), evaluated with the same expressions as instant approval.
/// </summary>
public sealed record Entitlement
{
    /// <summary>The service it offers.</summary>
    public required string ServiceCode { get; init; }

    /// <summary>The rule, e.g. <c>a.Age("profile.dateOfBirth") &gt;= 80 &amp;&amp; a.Is("profile.residency", "hukou")</c>.</summary>
    public required string Who { get; init; }

    /// <summary>
    /// The kind of e-certificate that occasions an offer (a birth, a death, the end of a job), about her or naming
    /// her: one offer per certificate. Null: one offer in her life (turning 60).
    /// </summary>
    public string? Occasion { get; init; }

    /// <summary>
    /// 免申即享: granted without an application, where the law allows (<see cref="LegalBasis"/>) and every answer of the
    /// form comes from what the city holds. Otherwise she is invited and confirms.
    /// </summary>
    public bool WithoutApplication { get; init; }

    public LocalizedText? LegalBasis { get; init; }

    /// <summary>Why the city thinks she may be entitled, as she reads it.</summary>
    public required LocalizedText Why { get; init; }

    /// <summary>Answers of the form the city fills from its facts: question id → fact name (<c>"applicant.residency": "profile.residency"</c>).</summary>
    public IReadOnlyDictionary<string, string> Answers { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Working days after an unanswered invitation before its one reminder, and again before she is on the outreach list.</summary>
    public int RemindAfterWorkingDays { get; init; } = 10;

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    public static Entitlement FromJson(string json) => JsonSerializer.Deserialize<Entitlement>(json, Options) ?? throw new InvalidOperationException("Empty entitlement.");
}
