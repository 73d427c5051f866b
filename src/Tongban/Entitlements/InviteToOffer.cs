using Microsoft.Extensions.Localization;
using Tongban.Catalogue;
using Tongban.Notifications;
using Tongban.Platform.Email;
using Tongban.Platform.Localization;
using Tongban.Residents;

namespace Tongban.Entitlements;

/// <summary>
/// Writes an invitation (or its one reminder) to her, in her language, on her best way: by SMS with a fresh reply
/// code ("reply 1 CODE"), else by email, by letter (with the offer's reference and a QR code to her entitlements, in
/// large print when she asked), and always in her inbox. Joins the caller's unit of work.
/// </summary>
public sealed class InviteToOffer(WriteNotification write, IEnumerable<IEmailSender> email, IStringLocalizer<SharedResource> t, TimeProvider clock)
{
    public const string Page = "/me/entitlements";

    public void Handle(Resident resident, Offer offer, Service service, LocalizedText why, bool reminder)
    {
        ArgumentNullException.ThrowIfNull(resident);
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(why);
        var (channel, _) = NotifyResident.BestChannel(resident, email.Any());
        string? code = null;
        if (channel == NotificationChannel.Sms)
        {
            // A new code with every message: only the hash is kept, and the newest message's code is the one that works.
            code = OfferCodes.NewReplyCode();
            offer.ReplyCodeHash = OfferCodes.Hash(code);
            offer.ReplyCodeExpiresAt = clock.GetUtcNow().UtcDateTime + OfferCodes.ReplyCodeLife;
            offer.WrongReplies = 0;
        }

        var (subject, text) = ResidentLanguage.Write(resident.PreferredLanguage, culture =>
        {
            var name = service.Name.In(culture);
            var body = code is null
                ? t["Offer.Invite", name, why.In(culture), offer.Reference].Value
                : t["Offer.InviteSms", name, why.In(culture), code, offer.Reference].Value;
            return (t["Offer.Subject", name].Value, reminder ? t["Offer.Reminder", body].Value : body);
        });
        write.Handle(resident, null, $"offer:{offer.Id:N}:{(reminder ? "reminder" : "invitation")}", subject, text, offer.Reference, Page);
    }
}
