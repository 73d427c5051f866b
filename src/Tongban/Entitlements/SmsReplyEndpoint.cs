using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Tongban.Platform.Sms;

namespace Tongban.Entitlements;

/// <summary>An SMS the gateway received: the sender's number and what she wrote.</summary>
public sealed record IncomingSms(string? From, string? Text);

/// <summary>What to send back to her, in her language.</summary>
public sealed record SmsAnswer(string Reply);

/// <summary>
/// <c>POST /sms/replies</c>: the SMS gateway passes on a resident's reply to an invitation, authenticated by the shared key
/// of <c>Sms:Replies:Key</c> (a bearer token; without one configured the endpoint does not exist). The reply to her is
/// both sent by SMS and returned, so that a gateway which answers itself can.
/// </summary>
public static class SmsReplyEndpoint
{
    public static IEndpointRouteBuilder MapSmsReplies(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/sms/replies", Receive).WithTags("SMS gateway").WithName("postSmsReply")
            .WithSummary("A resident's SMS reply to an invitation (\"1 CODE\" accepts, \"2 CODE\" declines); the gateway's key as a bearer token.")
            .DisableAntiforgery();
        return endpoints;
    }

    private static async Task<Results<Ok<SmsAnswer>, NotFound, UnauthorizedHttpResult, ProblemHttpResult>> Receive(
        IncomingSms sms, HttpContext http, IConfiguration configuration, ReplyBySms replies, ISmsSender sender, ILogger<IncomingSms> logger, CancellationToken cancellationToken)
    {
        if (configuration["Sms:Replies:Key"] is not { Length: >= 16 } key)
        {
            return TypedResults.NotFound();
        }

        var given = http.Request.Headers.Authorization.ToString() is var h && h.StartsWith("Bearer ", StringComparison.Ordinal) ? h[7..] : "";
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(key)))
        {
            return TypedResults.Unauthorized();
        }

        if (string.IsNullOrWhiteSpace(sms?.From) || sms.Text is null)
        {
            return TypedResults.Problem(title: "An SMS needs a sender (from) and a text", statusCode: StatusCodes.Status400BadRequest);
        }

        var reply = await replies.Handle(sms.From, sms.Text, cancellationToken);
        try
        {
            await sender.Send(Residents.MobileNumber.Normalize(sms.From) ?? sms.From, reply, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Her answer is saved; the reply is returned to the gateway, which may still deliver it.
            logger.LogWarning(e, "The reply to an SMS could not be sent");
        }

        return TypedResults.Ok(new SmsAnswer(reply));
    }
}
