using System.Text.Json.Serialization;

namespace Tongban.Catalogue.Import;

// The shape of the catalogue's JSON files. Every field is nullable so that a missing one becomes a
// validation message naming the file, item and field, rather than a serializer exception.

public sealed record TextDto(
    [property: JsonPropertyName("zh-CN")] string? ZhCn,
    [property: JsonPropertyName("en")] string? En);

public sealed record DepartmentsFile(List<DepartmentDto?>? Departments);

public sealed record DepartmentDto(string? Code, TextDto? Name, string? Phone);

public sealed record CategoriesFile(List<CategoryDto?>? Categories);

public sealed record CategoryDto(string? Code, TextDto? Name);

public sealed record DistrictsFile(List<DistrictDto?>? Districts);

public sealed record DistrictDto(string? Code, TextDto? Name, int? Population, List<HallDto>? Halls);

public sealed record HallDto(
    string? Code,
    TextDto? Name,
    TextDto? Address,
    TextDto? OpeningHours,
    string? Phone,
    AccessibilityDto? Accessibility,
    BookingDto? Booking = null);

/// <summary>A hall's appointments; see <see cref="HallCapacity"/>. Hours by lower-case weekday ("monday"), each period "09:00-12:00".</summary>
public sealed record BookingDto(int? SlotMinutes, Dictionary<string, List<string>>? Hours, List<CounterDto>? Counters, Dictionary<string, int>? ServiceMinutes = null);

/// <summary>A counter: its code in the hall, its kind (booking, walkIn or greenChannel) and the services it handles.</summary>
public sealed record CounterDto(string? Code, string? Kind, List<string>? Services);

public sealed record AccessibilityDto(bool? StepFree, bool? HearingLoop, bool? PriorityCounter);

public sealed record ServicesFile(List<ServiceDto?>? Services);

public sealed record ServiceDto(
    string? Code,
    string? Department,
    string? Category,
    TextDto? Name,
    TextDto? Summary,
    TextDto? Audience,
    TextDto? Eligibility,
    List<MaterialDto>? Materials,
    TextDto? Fee,
    int? TimeLimitWorkingDays,
    List<ChannelDto>? Channels,
    bool? IssuesECertificate,
    List<string>? LifeEvents,
    bool? Featured = null,
    string? Reapply = null,
    int? ReapplyAfterDays = null,
    EntitlementDto? Entitlement = null,
    int? CertificateValidYears = null,
    RectificationDto? RectificationWorkingDays = null);

/// <summary>The service's own time limits for answering a bad review; see <see cref="RectificationTimeLimits"/>.</summary>
public sealed record RectificationDto(int? Contact, int? Simple, int? Complex);

/// <summary>Who the city offers the service to before she asks; see <see cref="Entitlements.Entitlement"/>.</summary>
/// <param name="Who">The rule over the city's facts.</param>
/// <param name="Why">Why she may be entitled, as she reads it.</param>
/// <param name="Occasion">The kind of e-certificate that occasions an offer, if any.</param>
/// <param name="Grant">"onConfirmation" (the default: she is invited) or "withoutApplication" (免申即享).</param>
/// <param name="LegalBasis">The law that allows granting without an application.</param>
/// <param name="Answers">Question id → fact name.</param>
/// <param name="RemindAfterWorkingDays">Before the one reminder, and again before the outreach list.</param>
public sealed record EntitlementDto(
    string? Who,
    TextDto? Why,
    string? Occasion = null,
    string? Grant = null,
    TextDto? LegalBasis = null,
    Dictionary<string, string>? Answers = null,
    int? RemindAfterWorkingDays = null);

public sealed record MaterialDto(TextDto? Name, string? ECertificate);

/// <summary>A channel may repeat the time limit; if it does, it must equal the service's (channel parity).</summary>
public sealed record ChannelDto(string? Channel, int? TimeLimitWorkingDays, TextDto? Note, List<string>? Halls);

public sealed record LifeEventsFile(List<LifeEventDto?>? LifeEvents);

public sealed record LifeEventDto(string? Code, TextDto? Name, TextDto? Summary, List<string>? Services);

public sealed record SynonymsFile(List<SynonymDto?>? Synonyms);

/// <summary>Lay terms residents use, and the services and life events they mean.</summary>
public sealed record SynonymDto(List<string>? Terms, List<string>? Services, List<string>? LifeEvents);

public sealed record QuestionsFile(List<QuestionDto?>? Questions);

public sealed record QuestionDto(
    string? Id,
    string? Type,
    TextDto? Label,
    TextDto? Hint,
    bool? Optional,
    int? MaxLength,
    decimal? Min,
    decimal? Max,
    string? When,
    List<OptionDto>? Options,
    string? ShowIf,
    string? Prefill,
    string? ECertificate,
    string? ECertificateHolder = null,
    TextDto? LabelForOther = null,
    string? BirthDateOf = null);

public sealed record OptionDto(string? Value, TextDto? Label);

/// <summary>A service's form: the questions (by id, from questions.json) in the order asked, and its instant-approval rules.</summary>
public sealed record FormDto(string? Service, List<string>? Ask, List<RuleDto>? Rules);

public sealed record RuleDto(string? Id, string? Check, TextDto? Passed, TextDto? Failed);

/// <summary>An item together with the file it came from, so that messages can name the file.</summary>
public sealed record Sourced<T>(string File, T Item);

/// <summary>The whole catalogue as read from disk, before validation.</summary>
public sealed class CatalogueDocument
{
    public List<Sourced<DepartmentDto>> Departments { get; } = [];
    public List<Sourced<CategoryDto>> Categories { get; } = [];
    public List<Sourced<DistrictDto>> Districts { get; } = [];
    public List<Sourced<ServiceDto>> Services { get; } = [];
    public List<Sourced<LifeEventDto>> LifeEvents { get; } = [];
    public List<Sourced<SynonymDto>> Synonyms { get; } = [];
    public List<Sourced<QuestionDto>> Questions { get; } = [];
    public List<Sourced<FormDto>> Forms { get; } = [];

    /// <summary>The lay terms that point at a service or life event code.</summary>
    public List<string> LayTermsFor(Func<SynonymDto, List<string>?> targets, string code) =>
        Synonyms.Where(s => targets(s.Item)?.Contains(code) == true)
            .SelectMany(s => s.Item.Terms ?? []).Select(t => t.Trim()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
}
