using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Tongban.Cases;
using Tongban.Cases.Log;
using Tongban.Platform.Audit;
using Tongban.Platform.Data;
using Tongban.Platform.Jobs;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Tongban.PartnerApi.Webhooks;

/// <summary>The body of every message: Standard Webhooks' type, timestamp and data.</summary>
public sealed record WebhookEvent(string Type, DateTime Timestamp, WebhookCaseData Data);

/// <summary>
/// What changed, and no more: the case's reference, service, status and the action that changed it. Her name and her
/// answers are not in it; a partner she allowed to read her cases fetches them with her token, and that read is on her trail.
/// </summary>
public sealed record WebhookCaseData(string Reference, string Service, string Status, string Action, int Sequence);

/// <summary>
/// When a case a partner sent changes in a way she would be told of, and she let that partner hear of it (scope
/// <c>updates</c> on a consent she has not withdrawn), writes the partner's message and schedules its delivery in the
/// same unit of work: the message exists exactly when the action does.
/// </summary>
public sealed class QueueWebhook(AppDbContext db, IOpenIddictApplicationManager applications, IOpenIddictAuthorizationManager authorizations, JobScheduler jobs, TimeProvider clock)
    : ICaseChangeReaction
{
    public const string EventType = "case.status_changed";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Handing a case to another officer or to the head is the department's business, not hers.</summary>
    public static bool Tells(CaseActionKind kind) => kind is not (CaseActionKind.Reassigned or CaseActionKind.Escalated);

    public async Task Follow(CaseChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var (target, action) = (change.Case, change.Action);
        if (target is not { ActorKind: ActorKind.Partner, PartnerCode: { } clientId } || !Tells(action.Kind)
            || !await db.WebhookSubscriptions.AnyAsync(s => s.ClientId == clientId, cancellationToken)
            || !await AllowsUpdates(target.ResidentId, clientId, cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var data = new WebhookCaseData(CaseReference.Display(target.Reference), target.ServiceCode, target.Status.ToString(), action.Kind.ToString(), action.Sequence);
        var delivery = new WebhookDelivery
        {
            Id = Guid.CreateVersion7(),
            ClientId = clientId,
            CaseId = target.Id,
            Sequence = action.Sequence,
            Type = EventType,
            Payload = JsonSerializer.Serialize(new WebhookEvent(EventType, now, data), Json),
            CreatedAt = now,
        };
        db.WebhookDeliveries.Add(delivery);
        jobs.ScheduleForNewSubject(DeliverWebhook.JobKind, delivery.Id.ToString(), now);
    }

    /// <summary>Whether she has a consent with this partner, not withdrawn, that includes being told of changes.</summary>
    private async Task<bool> AllowsUpdates(Guid residentId, string clientId, CancellationToken cancellationToken)
    {
        if (await applications.FindByClientIdAsync(clientId, cancellationToken) is not { } application)
        {
            return false;
        }

        var client = await applications.GetIdAsync(application, cancellationToken);
        await foreach (var _ in authorizations.FindAsync(residentId.ToString(), client, Statuses.Valid, AuthorizationTypes.Permanent, [PartnerScopes.Updates], cancellationToken))
        {
            return true;
        }

        return false;
    }
}
