using System.Text.Json.Serialization;

namespace Tongban.Catalogue.Hsds;

// Open Referral HSDS 3.0 shapes, with its snake_case names. Optional fields are left out when null,
// because the HSDS schemas type them as plain strings.

public sealed record HsdsRoot(
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("profile")] string Profile,
    [property: JsonPropertyName("openapi_url")] string OpenApiUrl);

public sealed record HsdsPage<T>(
    [property: JsonPropertyName("total_items")] int TotalItems,
    [property: JsonPropertyName("total_pages")] int TotalPages,
    [property: JsonPropertyName("page_number")] int PageNumber,
    [property: JsonPropertyName("size")] int Size,
    [property: JsonPropertyName("first_page")] bool FirstPage,
    [property: JsonPropertyName("last_page")] bool LastPage,
    [property: JsonPropertyName("empty")] bool Empty,
    [property: JsonPropertyName("contents")] IReadOnlyList<T> Contents);

public sealed record HsdsOrganization(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("website")] string? Website = null,
    [property: JsonPropertyName("phones")] IReadOnlyList<HsdsPhone>? Phones = null);

/// <summary>A service in a list: its one-to-one fields only.</summary>
public record HsdsServiceSummary(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("organization_id")] string OrganizationId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("application_process")] string ApplicationProcess,
    [property: JsonPropertyName("fees_description")] string FeesDescription,
    [property: JsonPropertyName("wait_time")] string WaitTime,
    [property: JsonPropertyName("eligibility_description")] string EligibilityDescription,
    [property: JsonPropertyName("last_modified")] DateTimeOffset LastModified,
    [property: JsonPropertyName("organization")] HsdsOrganization Organization);

/// <summary>A fully nested service.</summary>
public sealed record HsdsService(
    [property: JsonIgnore] HsdsServiceSummary Summary,
    [property: JsonPropertyName("phones")] IReadOnlyList<HsdsPhone> Phones,
    [property: JsonPropertyName("languages")] IReadOnlyList<HsdsLanguage> Languages,
    [property: JsonPropertyName("required_documents")] IReadOnlyList<HsdsRequiredDocument> RequiredDocuments,
    [property: JsonPropertyName("service_at_locations")] IReadOnlyList<HsdsServiceAtLocation> ServiceAtLocations)
    : HsdsServiceSummary(Summary);

public sealed record HsdsPhone(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("number")] string Number,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("description")] string? Description = null);

public sealed record HsdsLanguage(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("code")] string Code);

public sealed record HsdsRequiredDocument(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("document")] string Document);

public sealed record HsdsServiceAtLocation(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("service_id")] string ServiceId,
    [property: JsonPropertyName("location_id")] string LocationId,
    [property: JsonPropertyName("location")] HsdsLocation Location);

public sealed record HsdsLocation(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("location_type")] string LocationType,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("addresses")] IReadOnlyList<HsdsAddress> Addresses,
    [property: JsonPropertyName("phones")] IReadOnlyList<HsdsPhone> Phones,
    [property: JsonPropertyName("schedules")] IReadOnlyList<HsdsSchedule> Schedules,
    [property: JsonPropertyName("accessibility")] IReadOnlyList<HsdsAccessibility> Accessibility);

public sealed record HsdsAddress(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("address_1")] string Address1,
    [property: JsonPropertyName("city")] string City,
    [property: JsonPropertyName("region")] string Region,
    [property: JsonPropertyName("state_province")] string StateProvince,
    [property: JsonPropertyName("postal_code")] string PostalCode,
    [property: JsonPropertyName("country")] string Country,
    [property: JsonPropertyName("address_type")] string AddressType);

public sealed record HsdsSchedule(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("description")] string Description);

public sealed record HsdsAccessibility(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("description")] string Description);
