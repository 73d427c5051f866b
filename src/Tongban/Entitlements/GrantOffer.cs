using Microsoft.Extensions.Localization;
using Tongban.Applications;
using Tongban.Cases;
using Tongban.Cases.Log;
using Tongban.Catalogue;
using Tongban.Catalogue.Entitlements;
using Tongban.Catalogue.Forms;
using Tongban.Notifications;
using Tongban.Platform.Audit;
using Tongban.Platform.Localization;
using Tongban.Residents;

namespace Tongban.Entitlements;

/// <summary>
/// 免申即享: grants an entitlement without an application, when every question of the form is answered from what the
/// city holds and every published rule passes on those answers. The case is opened as instant approval opens one
/// (the same reasons, log and right to ask for a person), by the city's rule as the actor; it goes on her trail and
/// she is told why. Otherwise nothing is granted and the caller invites her instead.
/// </summary>
public sealed class GrantOffer(OpenCase open, AuditTrail audit, WriteNotification write, IStringLocalizer<SharedResource> t, TimeProvider clock)
{
    /// <returns>Whether it was granted (then saved, with her trail's entry).</returns>
    public async Task<bool> Handle(Resident resident, Offer offer, Service service, FormDefinition form, Entitlement entitlement, IReadOnlyDictionary<string, string> answers, IReadOnlyList<EarlierCase> earlier, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resident);
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(entitlement);
        if (ApplicationForm.ForService(service, form) is not { } application || ApplicationFlow.Next(application, answers, today) is not null)
        {
            return false;
        }

        var visible = ApplicationFlow.Visible(application, answers, today).Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        var own = answers.Where(a => visible.Contains(a.Key)).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        var decision = Applications.InstantApproval.InstantApproval.Decide(form, own, today, earlier);
        if (!decision.Approved)
        {
            return false;
        }

        var city = Actor(service);
        var opened = await open.Handle(new CaseApplication(service.Code, service.TimeLimitWorkingDays, form.Version, resident.Id, offer.Id, own, decision), city, resident, cancellationToken);
        (offer.Status, offer.CaseId, offer.AnsweredAt) = (OfferStatus.Granted, opened.Id, clock.GetUtcNow().UtcDateTime);
        var (subject, text) = ResidentLanguage.Write(resident.PreferredLanguage, culture =>
            (t["Offer.Subject", service.Name.In(culture)].Value,
             t["Offer.Granted", service.Name.In(culture), entitlement.Why.In(culture), entitlement.LegalBasis?.In(culture) ?? "", CaseReference.Display(opened.Reference)].Value));
        write.Handle(resident, opened.Id, $"offer:{offer.Id:N}:granted", subject, text);

        // Saves the offer, the case and the message with the trail's entry, in the caller's transaction.
        await audit.Record(resident.Id, city, AuditAction.Created, AuditSubject.Case(CaseReference.Display(opened.Reference)), cancellationToken);
        return true;
    }

    /// <summary>The city acting on its own, under the entitlement's published rule.</summary>
    public static Actor Actor(Service service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return new(ActorKind.Rule, null, "Proactive service", Channel.Proactive, $"entitlement:{service.Code}");
    }
}
