using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Tongban.Platform.Sms;

/// <summary>An SMS the gateway received: the sender's number and what she wrote.</summary>
public sealed record IncomingSms(string? From, string? Text);

/// <summary>What to send back to her, in her language.</summary>
public sealed record SmsAnswer(string Reply);

/// <summary>A feature's reply (<paramref name="Text"/>) to the number <paramref name="To"/>, normalised as numbers are stored.</summary>
public sealed record SmsReply(string To, string Text);

/// <summary>
/// A feature that takes SMS replies (to an offer, to an invitation to rate). Each is asked in turn, lowest
/// <see cref="Order"/> first; the first to answer has handled the message. The last one answers everything.
/// </summary>
public interface ISmsReplyHandler
{
    int Order { get; }

    /// <summary>The reply to send her, in her language, and her number as it is stored; null when the message is not for this feature.</summary>
    Task<SmsReply?> Handle(string from, string text, CancellationToken cancellationToken);
}

/// <summary>
/// <c>POST /sms/replies</c>: the SMS gateway passes on a resident's reply, authenticated by the shared key of
/// <c>Sms:Replies:Key</c> (a bearer token; without one configured the endpoint does not exist), to the first feature
/// that takes it (<see cref="ISmsReplyHandler"/>). The reply to her is both sent by SMS and returned, so that a gateway
/// which answers itself can.
/// </summary>
public static class SmsReplyEndpoint
{
    public static IEndpointRouteBuilder MapSmsReplies(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/sms/replies", Receive).WithTags("SMS gateway").WithName("postSmsReply")
            .WithSummary("A resident's SMS reply: to an offer (\"1 CODE\" accepts, \"2 CODE\" declines) or to an invitation to rate (1 to 5, then what went wrong); the gateway's key as a bearer token.")
            .DisableAntiforgery();
        return endpoints;
    }

    private static async Task<Results<Ok<SmsAnswer>, NotFound, UnauthorizedHttpResult, ProblemHttpResult>> Receive(
        IncomingSms sms, HttpContext http, IConfiguration configuration, IEnumerable<ISmsReplyHandler> handlers, ISmsSender sender, ILogger<IncomingSms> logger, CancellationToken cancellationToken)
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

        SmsReply? reply = null;
        foreach (var handler in handlers.OrderBy(h => h.Order))
        {
            reply = await handler.Handle(sms.From, sms.Text, cancellationToken);
            if (reply is not null)
            {
                break;
            }
        }

        if (reply is null)
        {
            return TypedResults.Problem(title: "Nothing here takes SMS replies", statusCode: StatusCodes.Status404NotFound);
        }

        try
        {
            await sender.Send(reply.To, reply.Text, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Her answer is saved; the reply is returned to the gateway, which may still deliver it.
            logger.LogWarning(e, "The reply to an SMS could not be sent");
        }

        return TypedResults.Ok(new SmsAnswer(reply.Text));
    }
}
