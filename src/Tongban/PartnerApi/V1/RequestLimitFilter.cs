using System.Globalization;

namespace Tongban.PartnerApi.V1;

/// <summary>
/// Every <c>/api/v1</c> request counts against its partner's limit a minute (<see cref="CountPartnerRequest"/>); over it,
/// <c>429</c> with <c>Retry-After</c> in seconds and a problem that says the limit, before the endpoint does anything.
/// </summary>
public sealed class RequestLimitFilter(PartnerCaller caller, CountPartnerRequest count) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (await caller.Of(http.User, http.RequestAborted) is { } call && await count.Take(call.Partner, http.RequestAborted) is { } wait)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
                detail: $"This partner may make {call.Partner.RequestsPerMinute} requests a minute; try again in {seconds} seconds.");
        }

        return await next(context);
    }
}
