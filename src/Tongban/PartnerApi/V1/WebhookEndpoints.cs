using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tongban.PartnerApi.Webhooks;
using Tongban.Platform.Data;
using Tongban.Platform.Localization;

namespace Tongban.PartnerApi.V1;

/// <summary>
/// <c>/api/v1/webhook</c>: the partner's own subscription to changes of the cases it sent (its own token, scope
/// <c>webhooks</c>), the messages sent to it, and replaying one. Which residents' changes it hears of is hers to say
/// (scope <c>updates</c> on her consent).
/// </summary>
public static class WebhookEndpoints
{
    public const int MaxItems = 100;

    public static RouteGroupBuilder MapWebhook(this RouteGroupBuilder v1)
    {
        ArgumentNullException.ThrowIfNull(v1);
        v1.MapGet("/webhook", Get).WithName("getWebhook").WithMetadata(new RequiresScope(PartnerScopes.Webhooks)).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Where the partner's messages go (its own token, scope webhooks).");
        v1.MapPut("/webhook", Subscribe).WithName("putWebhook").WithMetadata(new RequiresScope(PartnerScopes.Webhooks))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Subscribe, or change the address (HTTPS). The first time the answer is 201 with the signing secret, shown once.");
        v1.MapDelete("/webhook", Unsubscribe).WithName("deleteWebhook").WithMetadata(new RequiresScope(PartnerScopes.Webhooks))
            .WithSummary("Stop the messages; those still waiting are given up.");
        v1.MapPost("/webhook/secret", Rotate).WithName("rotateWebhookSecret").WithMetadata(new RequiresScope(PartnerScopes.Webhooks)).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A new signing secret; for a day messages are signed with the old one too.");
        v1.MapGet("/webhook/deliveries", Deliveries).WithName("listWebhookDeliveries").WithMetadata(new RequiresScope(PartnerScopes.Webhooks)).ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("The latest messages, newest first, up to 100; 'status' Pending, Delivered or GaveUp to see only those.");
        v1.MapPost("/webhook/deliveries/{id}/replay", Replay).WithName("replayWebhookDelivery").WithMetadata(new RequiresScope(PartnerScopes.Webhooks))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Send a message again (same webhook-id and body, a new signature and a new round of retries).");
        return v1;
    }

    private static async Task<Results<Ok<ApiWebhook>, ProblemHttpResult>> Get(HttpContext http, PartnerCaller caller, AppDbContext db, CancellationToken cancellationToken)
    {
        if (await PartnersOwn(http, caller, cancellationToken) is not { } clientId)
        {
            return NotAllowed();
        }

        return await db.WebhookSubscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.ClientId == clientId, cancellationToken) is { } subscription
            ? TypedResults.Ok(new ApiWebhook(subscription.Url, subscription.CreatedAt, subscription.ChangedAt, null))
            : NotSubscribed();
    }

    private static async Task<Results<Created<ApiWebhook>, Ok<ApiWebhook>, ProblemHttpResult, ValidationProblem>> Subscribe(
        HttpContext http, PartnerCaller caller, SubscribeWebhook subscribe, IStringLocalizer<SharedResource> t, ApiWebhookAddress body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (await PartnersOwn(http, caller, cancellationToken) is not { } clientId)
        {
            return NotAllowed();
        }

        var (subscribed, problem) = await subscribe.Handle(clientId, body.Url, cancellationToken);
        if (subscribed is not { Subscription: var s })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["url"] = [t[problem!].Value] }, title: "The address will not do.");
        }

        var answer = new ApiWebhook(s.Url, s.CreatedAt, s.ChangedAt, subscribed.NewSecret);
        return subscribed.NewSecret is null ? TypedResults.Ok(answer) : TypedResults.Created("/api/v1/webhook", answer);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Unsubscribe(HttpContext http, PartnerCaller caller, AppDbContext db, CancellationToken cancellationToken)
    {
        if (await PartnersOwn(http, caller, cancellationToken) is not { } clientId)
        {
            return NotAllowed();
        }

        await db.WebhookSubscriptions.Where(s => s.ClientId == clientId).ExecuteDeleteAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<ApiWebhook>, ProblemHttpResult>> Rotate(
        HttpContext http, PartnerCaller caller, RotateWebhookSecret rotate, AppDbContext db, CancellationToken cancellationToken)
    {
        if (await PartnersOwn(http, caller, cancellationToken) is not { } clientId)
        {
            return NotAllowed();
        }

        if (await rotate.Handle(clientId, cancellationToken) is not { } secret)
        {
            return NotSubscribed();
        }

        var s = await db.WebhookSubscriptions.AsNoTracking().SingleAsync(s => s.ClientId == clientId, cancellationToken);
        return TypedResults.Ok(new ApiWebhook(s.Url, s.CreatedAt, s.ChangedAt, secret));
    }

    private static async Task<Results<Ok<ApiList<ApiWebhookDelivery>>, ProblemHttpResult>> Deliveries(
        HttpContext http, PartnerCaller caller, AppDbContext db, string? status, CancellationToken cancellationToken)
    {
        if (await PartnersOwn(http, caller, cancellationToken) is not { } clientId)
        {
            return NotAllowed();
        }

        var only = status is null ? null : Enum.GetValues<WebhookDeliveryStatus>().Cast<WebhookDeliveryStatus?>().FirstOrDefault(v => v.ToString()!.Equals(status, StringComparison.OrdinalIgnoreCase));
        if (status is not null && only is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "No such status.", detail: "'status' is Pending, Delivered or GaveUp.");
        }

        var list = await db.WebhookDeliveries.AsNoTracking().Where(d => d.ClientId == clientId && (only == null || d.Status == only))
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Take(MaxItems).ToListAsync(cancellationToken);
        return TypedResults.Ok(new ApiList<ApiWebhookDelivery>([.. list.Select(Describe)], list.Count));
    }

    private static async Task<Results<Accepted<ApiWebhookDelivery>, ProblemHttpResult>> Replay(
        HttpContext http, PartnerCaller caller, ReplayWebhook replay, string id, CancellationToken cancellationToken)
    {
        if (await PartnersOwn(http, caller, cancellationToken) is not { } clientId)
        {
            return NotAllowed();
        }

        return MessageId(id) is { } guid && await replay.Handle(clientId, guid, cancellationToken) is { } delivery
            ? TypedResults.Accepted((string?)null, Describe(delivery))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such message.", detail: "'id' is the webhook-id of one of your messages (msg_…).");
    }

    private static Guid? MessageId(string id) =>
        id.StartsWith("msg_", StringComparison.Ordinal) && Guid.TryParseExact(id[4..], "N", out var guid) ? guid : null;

    private static ApiWebhookDelivery Describe(WebhookDelivery d) => new(
        d.MessageId, d.Status.ToString(), d.CreatedAt, d.Attempts, d.LastAttemptAt, d.LastResult, d.DeliveredAt, d.Replays, d.Event);

    /// <summary>The partner's client id, when the token is its own (not one acting for a resident) and carries the scope.</summary>
    private static async Task<string?> PartnersOwn(HttpContext http, PartnerCaller caller, CancellationToken cancellationToken) =>
        await caller.Of(http.User, cancellationToken) is { ResidentId: null } call && call.May(PartnerScopes.Webhooks) ? call.Partner.ClientId : null;

    private static ProblemHttpResult NotAllowed() => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden, title: "insufficient_scope", detail: $"This needs the partner's own token (client credentials) with '{PartnerScopes.Webhooks}'.");

    private static ProblemHttpResult NotSubscribed() => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "Not subscribed.", detail: "PUT /api/v1/webhook with your address first.");
}
