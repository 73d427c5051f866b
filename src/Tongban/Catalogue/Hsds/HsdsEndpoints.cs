using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Tongban.Catalogue.Search;

namespace Tongban.Catalogue.Hsds;

/// <summary>
/// The catalogue as an Open Referral HSDS 3.0 read API, so that partners, directories and researchers
/// can reuse it. Filters combine with AND; bad parameters get RFC 9457 problem details.
/// </summary>
public static class HsdsEndpoints
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public static IEndpointRouteBuilder MapHsds(this IEndpointRouteBuilder endpoints)
    {
        var hsds = endpoints.MapGroup("/hsds").WithTags("HSDS 3.0 (open data)");
        hsds.MapGet("/", (HttpContext http) => TypedResults.Ok(new HsdsRoot("3.0.0", "https://docs.openreferral.org/en/3.0/", $"{Site(http)}/openapi/v1.json")))
            .WithName("getHsdsApiMetaInformation").WithSummary("What this API is and which HSDS version it follows.");
        hsds.MapGet("/services", ListServices)
            .WithName("getHsdsServices").WithSummary("Services, paginated; search, organization_id, taxonomy_term_id and modified_after combine with AND.");
        hsds.MapGet("/services/{id}", GetService)
            .WithName("getHsdsService").WithSummary("One fully nested service.");
        return endpoints;
    }

    private static async Task<Results<Ok<HsdsPage<HsdsServiceSummary>>, ValidationProblem>> ListServices(
        HttpContext http,
        CatalogueStore catalogue,
        SearchCatalogue searchCatalogue,
        HsdsMapping map,
        string? page,
        string? per_page,
        string? search,
        string? organization_id,
        string? taxonomy_term_id,
        string? modified_after,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var pageNumber = PositiveInt(page, "page", 1, int.MaxValue, errors);
        var size = PositiveInt(per_page, "per_page", DefaultPageSize, MaxPageSize, errors);
        DateTimeOffset? after = null;
        if (!string.IsNullOrWhiteSpace(modified_after))
        {
            if (DateTimeOffset.TryParse(modified_after, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                after = parsed;
            }
            else
            {
                errors["modified_after"] = ["Use an ISO 8601 date-time, for example 2026-01-31T00:00:00Z."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Some query parameters are not valid.");
        }

        // The catalogue holds hundreds of services, not millions, and is already in memory.
        IEnumerable<Service> filtered = (await catalogue.Current(cancellationToken)).Services;
        if (!string.IsNullOrWhiteSpace(search))
        {
            var found = await searchCatalogue.MatchingServiceCodes(search, cancellationToken);
            filtered = filtered.Where(s => found.Contains(s.Code));
        }

        if (!string.IsNullOrWhiteSpace(organization_id))
        {
            filtered = filtered.Where(s => string.Equals(HsdsIds.For("department", s.Department!.Code).ToString(), organization_id, StringComparison.OrdinalIgnoreCase));
        }

        if (!string.IsNullOrWhiteSpace(taxonomy_term_id))
        {
            filtered = filtered.Where(s => string.Equals(HsdsIds.For("category", s.Category!.Code).ToString(), taxonomy_term_id, StringComparison.OrdinalIgnoreCase));
        }

        if (after is { } since)
        {
            filtered = filtered.Where(s => s.UpdatedAt >= since);
        }

        var all = filtered.ToList();
        var site = Site(http);
        var contents = all.Skip((int)Math.Min((long)(pageNumber - 1) * size, int.MaxValue)).Take(size).Select(s => map.Summary(s, site)).ToList();
        var totalPages = (int)Math.Ceiling(all.Count / (double)size);
        return TypedResults.Ok(new HsdsPage<HsdsServiceSummary>(
            all.Count, totalPages, pageNumber, contents.Count, pageNumber == 1, pageNumber >= totalPages, contents.Count == 0, contents));
    }

    private static async Task<Results<Ok<HsdsService>, ProblemHttpResult>> GetService(
        string id, HttpContext http, CatalogueStore catalogue, HsdsMapping map, CancellationToken cancellationToken)
    {
        var snapshot = await catalogue.Current(cancellationToken);
        var service = snapshot.Services.FirstOrDefault(s => string.Equals(HsdsIds.Service(s.Code), id, StringComparison.OrdinalIgnoreCase));
        if (service is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No service has this id.", detail: $"'{id}' is not the id of a service in the catalogue.");
        }

        return TypedResults.Ok(map.Full(service, snapshot.HallsFor(service), Site(http)));
    }

    private static int PositiveInt(string? value, string name, int fallback, int max, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= max)
        {
            return number;
        }

        errors[name] = [$"Use a whole number from 1 to {max}."];
        return fallback;
    }

    private static string Site(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}";
}
