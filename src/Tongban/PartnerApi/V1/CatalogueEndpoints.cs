using Microsoft.AspNetCore.Http.HttpResults;
using Tongban.Catalogue;

namespace Tongban.PartnerApi.V1;

/// <summary><c>/api/v1/services</c> and <c>/api/v1/life-events</c>: the catalogue, for any valid partner token (the partner's own, or one acting for a resident).</summary>
public static class CatalogueEndpoints
{
    public static RouteGroupBuilder MapCatalogue(this RouteGroupBuilder v1)
    {
        ArgumentNullException.ThrowIfNull(v1);
        v1.MapGet("/services", List).WithName("listServices")
            .WithSummary("Every current service, with whether it can be applied for through the API ('appliesOnline').");
        v1.MapGet("/life-events", LifeEvents).WithName("listLifeEvents")
            .WithSummary("The life events (a birth, a move, retirement) whose services she can apply for in one application, with those services.");
        return v1;
    }

    private static async Task<Ok<ApiList<ApiLifeEvent>>> LifeEvents(CatalogueStore catalogue, CancellationToken cancellationToken)
    {
        var snapshot = await catalogue.Current(cancellationToken);
        // Only those with something to apply for online, and only those services of each.
        var events = snapshot.LifeEvents.Select(e => (Event: e, Form: snapshot.ApplicationForm("life-events", e.Code))).Where(e => e.Form is { Services.Count: > 0 })
            .Select(e => new ApiLifeEvent(e.Event.Code, ApiText.Of(e.Event.Name), ApiText.Of(e.Event.Summary), [.. e.Form!.Services.Select(s => s.Service.Code)])).ToList();
        return TypedResults.Ok(new ApiList<ApiLifeEvent>(events, events.Count));
    }

    private static async Task<Ok<ApiList<ApiService>>> List(CatalogueStore catalogue, CancellationToken cancellationToken)
    {
        var snapshot = await catalogue.Current(cancellationToken);
        var services = snapshot.Services.Select(s => new ApiService(s.Code, ApiText.Of(s.Name), ApiText.Of(s.Summary), s.TimeLimitWorkingDays, snapshot.Form(s.Code) is not null)).ToList();
        return TypedResults.Ok(new ApiList<ApiService>(services, services.Count));
    }
}
