using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tongban.Cases;
using Tongban.Cases.Log;
using Tongban.Catalogue;
using Tongban.Platform.Data;
using Tongban.Platform.Jobs;
using Tongban.Platform.Localization;
using Tongban.Residents;

namespace Tongban.Notifications;

/// <summary>
/// Writes the message a case action owes her, in her language, on her preferred channel with fallbacks
/// (no mobile: a letter; no address either: the inbox only), and schedules its delivery. Joins the caller's
/// unit of work, so the message exists exactly when the action does.
/// </summary>
public sealed class NotifyResident(AppDbContext db, CatalogueStore catalogue, IStringLocalizer<SharedResource> t, JobScheduler jobs, TimeProvider clock)
{
    public const string JobKind = "DeliverNotification";

    /// <summary>The actions that change what she must know or do.</summary>
    public static bool Matters(CaseActionKind kind) =>
        kind is CaseActionKind.Accepted or CaseActionKind.MoreInformationRequested or CaseActionKind.Approved or CaseActionKind.Rejected or CaseActionKind.Withdrawn;

    public async Task Handle(Case target, CaseAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(action);
        if (!Matters(action.Kind))
        {
            return;
        }

        var resident = await db.Residents.AsNoTracking().SingleAsync(r => r.Id == target.ResidentId, cancellationToken);
        var (channel, address) = ChannelFor(resident);
        var service = (await catalogue.Current(cancellationToken)).Service(target.ServiceCode);
        var now = clock.GetUtcNow().UtcDateTime;
        var notification = new Notification
        {
            Id = Guid.NewGuid(),
            ResidentId = resident.Id,
            CaseId = target.Id,
            Key = $"case:{target.Id:N}:{action.Sequence}",
            Text = Render(resident.PreferredLanguage, action.Kind, service?.Name, target),
            Channel = channel,
            Address = address,
            Status = channel == NotificationChannel.Inbox ? DeliveryStatus.Sent : DeliveryStatus.Pending,
            CreatedAt = now,
            SentAt = channel == NotificationChannel.Inbox ? now : null,
        };
        db.Notifications.Add(notification);
        if (notification.Status == DeliveryStatus.Pending)
        {
            await jobs.Schedule(JobKind, notification.Id.ToString(), now, cancellationToken);
        }
    }

    /// <summary>Her preferred way first; a phone call is announced by SMS; without a mobile, a letter; without an address, the inbox.</summary>
    public static (NotificationChannel Channel, string? Address) ChannelFor(Resident resident)
    {
        ArgumentNullException.ThrowIfNull(resident);
        var letter = resident.PostalAddress is { Length: > 0 } postal ? (NotificationChannel.Letter, postal) : ((NotificationChannel, string?)?)null;
        var sms = resident.MobileNumber is { Length: > 0 } mobile ? (NotificationChannel.Sms, mobile) : ((NotificationChannel, string?)?)null;
        return resident.ContactChannel switch
        {
            ContactChannel.App => (NotificationChannel.Inbox, null),
            ContactChannel.Letter => letter ?? sms ?? (NotificationChannel.Inbox, null),
            _ => sms ?? letter ?? (NotificationChannel.Inbox, null),
        };
    }

    private string Render(string? language, CaseActionKind kind, LocalizedText? serviceName, Case target)
    {
        var culture = CultureInfo.GetCultureInfo(language == "en" ? "en" : "zh-CN");
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            var name = serviceName?.In(culture) ?? target.ServiceCode;
            return t[$"Notice.{kind}", name, CaseReference.Display(target.Reference), target.DueOn.ToString("D", culture)];
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
