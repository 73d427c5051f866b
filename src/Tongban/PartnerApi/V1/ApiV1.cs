namespace Tongban.PartnerApi.V1;

/// <summary>
/// Version 1 of the partner API, under <c>/api/v1</c>, for partner tokens only. A change that would break a partner goes
/// into <c>/api/v2</c> beside it; this one keeps working (docs/partner-api.md).
/// </summary>
public static class ApiV1
{
    public static IEndpointRouteBuilder MapPartnerApiV1(this IEndpointRouteBuilder endpoints)
    {
        var v1 = endpoints.MapGroup("/api/v1").RequireAuthorization(PartnerApiSetup.PartnerPolicy).WithTags("Partner API v1")
            .AddEndpointFilter<RequestLimitFilter>()
            .WithMetadata(Problem(StatusCodes.Status401Unauthorized), Problem(StatusCodes.Status403Forbidden), Problem(StatusCodes.Status429TooManyRequests));
        v1.MapCatalogue();
        v1.MapResidentCases();
        v1.MapResidentCaseActions();
        v1.MapResidentRecords();
        v1.MapApplications();
        v1.MapWebhook();
        return endpoints;
    }

    /// <summary>A problem (RFC 9457) that any operation may answer with, for the OpenAPI document.</summary>
    public static ProducesResponseTypeMetadata Problem(int status) => new(status, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]);
}
