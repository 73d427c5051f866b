using Tongban.Platform.Localization;

namespace Tongban.Catalogue;

/// <summary>One public service item (政务服务事项).</summary>
public sealed class Service
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public int DepartmentId { get; set; }
    public Department? Department { get; set; }
    public int CategoryId { get; set; }
    public Category? Category { get; set; }
    public required LocalizedText Name { get; set; }
    public required LocalizedText Summary { get; set; }
    public required LocalizedText Audience { get; set; }
    public required LocalizedText Eligibility { get; set; }
    public required LocalizedText Fee { get; set; }

    /// <summary>Statutory time limit (承诺时限), the same on every channel.</summary>
    public int TimeLimitWorkingDays { get; set; }

    /// <summary>Whether approving it issues her an e-certificate (电子证照) of this service's kind (its code).</summary>
    public bool IssuesECertificate { get; set; }

    /// <summary>How many years the certificate it issues is valid; null when it does not expire.</summary>
    public int? CertificateValidYears { get; set; }

    /// <summary>The time limits for answering a bad review of this service (好差评整改), in working days.</summary>
    public RectificationTimeLimits Rectification { get; set; } = RectificationTimeLimits.Default;

    /// <summary>Whether and when she may apply again; see <see cref="ReapplyRule"/>.</summary>
    public ReapplyRule Reapply { get; set; }

    /// <summary>For <see cref="ReapplyRule.OncePerPeriod"/>: days after a grant before the next application.</summary>
    public int? ReapplyAfterDays { get; set; }

    /// <summary>Shown among the most used services on the home page (chosen by the city until case volumes can rank them).</summary>
    public bool Featured { get; set; }
    public List<Material> Materials { get; set; } = [];
    public List<ServiceChannel> Channels { get; set; } = [];
    public List<string> LifeEventTags { get; set; } = [];

    /// <summary>How residents say it ("生孩子", "lost my job"), from catalogue/synonyms, for search.</summary>
    public List<string> LayTerms { get; set; } = [];

    /// <summary>The online form (see Catalogue/Forms), as JSON; null when the service cannot be applied for online yet.</summary>
    public string? FormJson { get; set; }

    /// <summary>Who the city offers it to before she asks (see <see cref="Entitlements.Entitlement"/>), as JSON; null when nobody is offered it.</summary>
    public string? EntitlementJson { get; set; }

    /// <summary>When the import last created or changed this service (for open-data consumers' incremental updates).</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Set when the item left the catalogue; kept so that cases can still name it.</summary>
    public DateTimeOffset? RetiredAt { get; set; }
}

/// <summary>A document the applicant provides; <see cref="ECertificateType"/> names the e-certificate that replaces it when held.</summary>
public sealed record Material
{
    public required LocalizedText Name { get; init; }
    public string? ECertificateType { get; init; }
}

/// <summary>One way to handle a service; <see cref="HallCodes"/> empty on a counter channel means every hall.</summary>
public sealed record ServiceChannel
{
    public Channel Channel { get; init; }
    public LocalizedText? Note { get; init; }
    public List<string> HallCodes { get; init; } = [];
}

/// <summary>
/// Working days a department has, after a bad review, to contact the resident, to answer a simple matter, and to
/// answer one it calls complex. The default is the national practice; a service's catalogue entry may set its own.
/// </summary>
public sealed record RectificationTimeLimits(int Contact, int Simple, int Complex)
{
    public static readonly RectificationTimeLimits Default = new(1, 2, 15);
}
