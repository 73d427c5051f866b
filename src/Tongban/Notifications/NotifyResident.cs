using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tongban.Cases;
using Tongban.Cases.Log;
using Tongban.Catalogue;
using Tongban.Platform.Audit;
using Tongban.Platform.Data;
using Tongban.Platform.Localization;
using Tongban.Residents;

namespace Tongban.Notifications;

/// <summary>
/// Writes the message a case action owes her, in her language, on her preferred channel with fallbacks
/// (see <see cref="ChannelsFor"/>; with none, the inbox only), and schedules its delivery. Joins the caller's
/// unit of work, so the message exists exactly when the action does.
/// </summary>
public sealed class NotifyResident(AppDbContext db, CatalogueStore catalogue, IStringLocalizer<SharedResource> t, WriteNotification write) : ICaseChangeReaction
{
    public const string JobKind = "DeliverNotification";

    /// <summary>The actions that change what she must know or do.</summary>
    public static bool Matters(CaseActionKind kind) =>
        kind is CaseActionKind.Accepted or CaseActionKind.MoreInformationRequested or CaseActionKind.FurtherNotice or CaseActionKind.Approved or CaseActionKind.Rejected or CaseActionKind.Withdrawn;

    /// <summary>
    /// Writes the message the change's newest action owes her, if any; and, when someone else acted for her (a family
    /// member under her permission, a clerk or hotline agent under her consent), a message saying who did what, so that
    /// nothing is done in her name without her hearing of it.
    /// </summary>
    public async Task Follow(CaseChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var (target, action) = (change.Case, change.Action);
        if (change.Opened && target.ActorKind == ActorKind.Rule)
        {
            // A case the city opened on its own (a service granted without application): what opened it writes to her,
            // saying why, rather than "your application was approved" for an application she never made.
            return;
        }

        var actedFor = ActedForHer(change);
        if (!Matters(action.Kind) && actedFor is null)
        {
            return;
        }

        var resident = change.Resident ?? await db.Residents.AsNoTracking().SingleAsync(r => r.Id == target.ResidentId, cancellationToken);
        var service = (await catalogue.Current(cancellationToken)).Service(target.ServiceCode);
        if (actedFor is var (who, what))
        {
            Write(resident, target, NotificationKey.ActedFor(target.Id, action.Sequence), ResidentLanguage.Write(resident.PreferredLanguage, culture =>
                t["Notice.ActedFor", who, t[$"CaseAction.{what}"].Value, service?.Name.In(culture) ?? target.ServiceCode, CaseReference.Display(target.Reference)].Value), service);
        }

        if (Matters(action.Kind))
        {
            Write(resident, target, NotificationKey.ForAction(target.Id, action.Sequence), Render(resident.PreferredLanguage, $"Notice.{action.Kind}", service?.Name, target), service);
        }
    }

    /// <summary>Who acted for her in this change, and what they did; null when she acted herself or it was staff deciding.</summary>
    private static (string Who, CaseActionKind What)? ActedForHer(CaseChange change)
    {
        if (change.Opened)
        {
            return change.Case.ActorKind is ActorKind.Proxy or ActorKind.Staff or ActorKind.Partner
                ? (change.Case.ActorName ?? "", CaseActionKind.Submitted)
                : null;
        }

        var a = change.Action;
        var onHerSide = a.Kind is CaseActionKind.InformationProvided or CaseActionKind.Withdrawn or CaseActionKind.ReviewRequested;
        return onHerSide && a.ActorKind is ActorKind.Proxy or ActorKind.Staff or ActorKind.Partner ? (a.ActorName ?? "", a.Kind) : null;
    }

    private void Write(Resident resident, Case target, string key, string text, Service? service) =>
        write.Handle(resident, target.Id, key, Render(resident.PreferredLanguage, "Notice.Subject", service?.Name, target), text);

    /// <summary>Her best way; the inbox alone when there is no other.</summary>
    public static (NotificationChannel Channel, string? Address) BestChannel(Resident resident, bool emailWorks) =>
        ChannelsFor(resident, emailWorks) is [var best, ..] ? best : (NotificationChannel.Inbox, null);

    /// <summary>
    /// The ways to reach her, best first: her preferred way (a phone call is announced by SMS), then SMS, email
    /// and a letter as far as she has given a number or an address. Empty: the inbox is all there is (or she
    /// chose the app). The next in the list is the fallback when one keeps failing.
    /// </summary>
    public static IReadOnlyList<(NotificationChannel Channel, string? Address)> ChannelsFor(Resident resident, bool emailWorks)
    {
        ArgumentNullException.ThrowIfNull(resident);
        if (resident.ContactChannel == ContactChannel.App)
        {
            return [];
        }

        var all = new List<(NotificationChannel, string?)>();
        if (resident.MobileNumber is { Length: > 0 } mobile)
        {
            all.Add((NotificationChannel.Sms, mobile));
        }

        if (emailWorks && resident.Email is { Length: > 0 } address)
        {
            all.Add((NotificationChannel.Email, address));
        }

        if (resident.PostalAddress is { Length: > 0 } postal)
        {
            all.Add((NotificationChannel.Letter, postal));
        }

        var preferred = resident.ContactChannel switch
        {
            ContactChannel.Letter => NotificationChannel.Letter,
            ContactChannel.Email => NotificationChannel.Email,
            _ => NotificationChannel.Sms,
        };
        return all.OrderBy(c => c.Item1 == preferred ? 0 : 1).ToList();
    }

    private string Render(string? language, string key, LocalizedText? serviceName, Case target) => ResidentLanguage.Write(language, culture =>
        t[key, serviceName?.In(culture) ?? target.ServiceCode, CaseReference.Display(target.Reference), target.DueOn.ToString("D", culture)].Value);
}
