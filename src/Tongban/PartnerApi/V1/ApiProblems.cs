using Microsoft.AspNetCore.Http.HttpResults;

namespace Tongban.PartnerApi.V1;

/// <summary>The checks every endpoint that acts for a resident makes, and the problem it answers when one fails.</summary>
public static class ApiProblems
{
    /// <summary>The call, when its token acts for a resident and carries <paramref name="scope"/>; else null.</summary>
    public static async Task<PartnerCall?> ActingFor(HttpContext http, PartnerCaller caller, string scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(caller);
        var call = await caller.Of(http.User, cancellationToken);
        return call is { ResidentId: not null } && call.May(scope) ? call : null;
    }

    /// <summary>403 with the scope that was missing (RFC 6750's insufficient_scope), as a problem.</summary>
    public static ProblemHttpResult NotAllowed(string scope) => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden, title: "insufficient_scope",
        detail: $"This needs a token that acts for a resident who allowed '{scope}'.");
}
