using Microsoft.AspNetCore.Http.HttpResults;
using Tongban.Catalogue;

namespace Tongban.PartnerApi.V1;

/// <summary><c>/api/v1/services</c>: the catalogue, for any valid partner token (the partner's own, or one acting for a resident).</summary>
public static class CatalogueEndpoints
{
    public static RouteGroupBuilder MapCatalogue(this RouteGroupBuilder v1)
    {
        ArgumentNullException.ThrowIfNull(v1);
        v1.MapGet("/services", List).WithName("listServices")
            .WithSummary("Every current service, with whether it can be applied for through the API ('appliesOnline').");
        return v1;
    }

    private static async Task<Ok<ApiList<ApiService>>> List(CatalogueStore catalogue, CancellationToken cancellationToken)
    {
        var snapshot = await catalogue.Current(cancellationToken);
        var services = snapshot.Services.Select(s => new ApiService(s.Code, ApiText.Of(s.Name), ApiText.Of(s.Summary), s.TimeLimitWorkingDays, snapshot.Form(s.Code) is not null)).ToList();
        return TypedResults.Ok(new ApiList<ApiService>(services, services.Count));
    }
}
