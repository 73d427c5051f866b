using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.PartnerApi.Webhooks;
using Tongban.Platform.Data;
using Tongban.Staff;

namespace Tongban.PartnerApi.Pages;

/// <summary>Each partner's address and how its messages of the last 30 days went.</summary>
public sealed record WebhookSummary(ApiPartner Partner, string? Url, int Delivered, int Waiting, int GivenUp);

/// <summary>A message that has not reached its partner: given up, or waiting after a failed attempt.</summary>
public sealed record WebhookTrouble(WebhookDelivery Delivery, string Reference);

/// <summary>
/// <c>/staff/partners/webhooks</c>: for the operator, where each partner's messages go and how their delivery went, the
/// messages that have not arrived with what the partner's server last answered, and a button to send one again (once
/// the partner says its server is back).
/// </summary>
[Authorize(Policy = StaffPolicies.Operator)]
public sealed class StaffWebhooksModel(AppDbContext db, ReplayWebhook replay, TimeProvider clock) : PageModel
{
    public const int MaxTroubles = 100;

    public IReadOnlyList<WebhookSummary> Partners { get; private set; } = [];
    public IReadOnlyList<WebhookTrouble> Troubles { get; private set; } = [];

    /// <summary>The message just sent again, to say so.</summary>
    public string? Replayed { get; private set; }

    public async Task OnGet(CancellationToken cancellationToken) => await Load(cancellationToken);

    public async Task<IActionResult> OnPostReplay(string? clientId, Guid id, CancellationToken cancellationToken)
    {
        if (clientId is null || await replay.Handle(clientId, id, cancellationToken) is not { } delivery)
        {
            return NotFound();
        }

        Replayed = delivery.MessageId;
        await Load(cancellationToken);
        return Page();
    }

    private async Task Load(CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-30);
        var partners = await db.ApiPartners.AsNoTracking().OrderBy(p => p.ClientId).Take(500).ToListAsync(cancellationToken);
        var urls = await db.WebhookSubscriptions.AsNoTracking().ToDictionaryAsync(s => s.ClientId, s => s.Url, StringComparer.Ordinal, cancellationToken);
        var counts = await db.WebhookDeliveries.AsNoTracking().Where(d => d.CreatedAt >= since).GroupBy(d => new { d.ClientId, d.Status })
            .Select(g => new { g.Key.ClientId, g.Key.Status, Count = g.Count() }).ToListAsync(cancellationToken);
        int Count(string clientId, WebhookDeliveryStatus status) => counts.SingleOrDefault(c => c.ClientId == clientId && c.Status == status)?.Count ?? 0;
        Partners = [.. partners.Where(p => urls.ContainsKey(p.ClientId) || counts.Any(c => c.ClientId == p.ClientId)).Select(p => new WebhookSummary(
            p, urls.GetValueOrDefault(p.ClientId), Count(p.ClientId, WebhookDeliveryStatus.Delivered), Count(p.ClientId, WebhookDeliveryStatus.Pending), Count(p.ClientId, WebhookDeliveryStatus.GaveUp)))];
        var troubles = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.Status == WebhookDeliveryStatus.GaveUp || (d.Status == WebhookDeliveryStatus.Pending && d.Attempts > 0))
            .OrderByDescending(d => d.LastAttemptAt).Take(MaxTroubles).ToListAsync(cancellationToken);
        Troubles = [.. troubles.Select(d => new WebhookTrouble(d, d.Event.Data.Reference))];
    }
}
