using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;
using Tongban.Platform.Jobs;

namespace Tongban.PartnerApi.Webhooks;

/// <summary>
/// Sends one message to the partner's address, signed, and records what its server answered: 2xx is delivered; anything
/// else (another status, a redirect, no answer in time, no connection) is tried again on <see cref="WebhookRetry"/>'s
/// schedule and given up after the last. The job's claim keeps two nodes from sending it at once; a node that dies
/// between sending and recording sends it again with the same <c>webhook-id</c>, by which the partner knows it.
/// </summary>
public sealed class DeliverWebhook(AppDbContext db, IHttpClientFactory http, IConfiguration configuration, TimeProvider clock, ILogger<DeliverWebhook> logger) : IJobHandler
{
    public const string JobKind = "DeliverWebhook";
    public const string HttpClientName = "webhooks";

    public string Kind => JobKind;

    public async Task<DateTime?> Run(string subject, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(subject, out var id)
            || await db.WebhookDeliveries.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken) is not { Status: WebhookDeliveryStatus.Pending } delivery)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var subscription = await db.WebhookSubscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.ClientId == delivery.ClientId, cancellationToken);
        var (delivered, result) = subscription is null ? (false, "the partner no longer subscribes") : await Send(subscription, delivery, now, cancellationToken);
        var attempts = delivery.Attempts + 1;
        var wait = delivered || subscription is null ? null : WebhookRetry.After(attempts);
        var status = delivered ? WebhookDeliveryStatus.Delivered : wait is null ? WebhookDeliveryStatus.GaveUp : WebhookDeliveryStatus.Pending;
        if (!delivered)
        {
            logger.LogWarning("Webhook {MessageId} to partner {ClientId}, attempt {Attempt}: {Result}", delivery.MessageId, delivery.ClientId, attempts, result);
        }

        var deliveredAt = delivered ? now : delivery.DeliveredAt;
        // Only if nobody replayed it meanwhile: a replay starts again, and its own run records what it meets.
        var recorded = await db.WebhookDeliveries.Where(d => d.Id == id && d.Status == WebhookDeliveryStatus.Pending && d.Attempts == delivery.Attempts && d.Replays == delivery.Replays)
            .ExecuteUpdateAsync(
                u => u.SetProperty(d => d.Attempts, attempts).SetProperty(d => d.LastAttemptAt, now).SetProperty(d => d.LastResult, result)
                    .SetProperty(d => d.Status, status).SetProperty(d => d.DeliveredAt, deliveredAt),
                cancellationToken);
        return recorded == 1 && wait is { } pause ? now + pause : null;
    }

    private async Task<(bool Delivered, string Result)> Send(WebhookSubscription subscription, WebhookDelivery delivery, DateTime now, CancellationToken cancellationToken)
    {
        var timestamp = new DateTimeOffset(now, TimeSpan.Zero).ToUnixTimeSeconds();
        var secrets = subscription.PreviousSecret is { } previous && subscription.PreviousSecretUntil > now ? [subscription.Secret, previous] : new[] { subscription.Secret };
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url) { Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json") };
        request.Headers.Add("webhook-id", delivery.MessageId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.Header(delivery.MessageId, timestamp, delivery.Payload, secrets));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Tongban-Webhooks", "1"));

        var timeout = TimeSpan.FromSeconds(configuration.GetValue("Partners:Webhooks:TimeoutSeconds", 10));
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, limit.Token);
            return (response.IsSuccessStatusCode, $"HTTP {(int)response.StatusCode}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (false, $"no answer within {timeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException e)
        {
            var why = $"could not connect: {e.Message}";
            return (false, why.Length > 200 ? why[..200] : why);
        }
    }
}
