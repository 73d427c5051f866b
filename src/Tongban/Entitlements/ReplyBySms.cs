using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tongban.Cases;
using Tongban.Catalogue;
using Tongban.Platform.Audit;
using Tongban.Platform.Data;
using Tongban.Platform.Localization;

namespace Tongban.Entitlements;

/// <summary>
/// An SMS reply to an invitation ("1 K7Q29XFM" to accept, "2 K7Q29XFM" to decline), as the gateway passes it on: the
/// code counts only from the confirmed number of the resident it was sent to, only while it is valid, and only until
/// <see cref="Offer.MaxWrongReplies"/> replies (every reply spends one); then the newest message's code is needed. Returns the reply to send
/// back, in her language, always saying what happened.
/// </summary>
public sealed partial class ReplyBySms(AppDbContext db, AnswerOffer answer, CatalogueStore catalogue, IStringLocalizer<SharedResource> t, TimeProvider clock) : Platform.Sms.ISmsReplyHandler
{
    /// <summary>Last: it answers every message the others leave, saying what it did not understand.</summary>
    public int Order => 100;

    async Task<Platform.Sms.SmsReply?> Platform.Sms.ISmsReplyHandler.Handle(string from, string text, CancellationToken cancellationToken) =>
        new(Residents.MobileNumber.Normalize(from) ?? from, await Handle(from, text, cancellationToken));

    public async Task<string> Handle(string from, string text, CancellationToken cancellationToken)
    {
        var number = Residents.MobileNumber.Normalize(from);
        var resident = number is null ? null : await db.Residents.AsNoTracking().SingleOrDefaultAsync(r => r.MobileNumber == number, cancellationToken);
        if (resident is null)
        {
            // Nobody to take the language from: both.
            return ResidentLanguage.Write("zh-CN", _ => t["Offer.Reply.Unknown"].Value) + "\n" + ResidentLanguage.Write("en", _ => t["Offer.Reply.Unknown"].Value);
        }

        string Say(string key, params object[] args) => ResidentLanguage.Write(resident.PreferredLanguage, _ => t[key, args].Value);
        if (Parse(text) is not var (accept, code))
        {
            return Say("Offer.Reply.Unclear");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var hash = OfferCodes.Hash(code);
        var offer = await db.Offers.AsNoTracking().FirstOrDefaultAsync(o => o.ResidentId == resident.Id && o.ReplyCodeHash == hash && o.Status == OfferStatus.Invited, cancellationToken);

        // Every reply spends one of the code's tries, in one conditional UPDATE: a hundred replies at once get no more
        // than MaxWrongReplies between them (a read, an increment and a save each would lose counts). A wrong code spends a
        // try on each of her open offers, so that guessing from her phone stops after a few.
        var spent = await db.Offers
            .Where(o => offer != null ? o.Id == offer.Id : o.ResidentId == resident.Id && o.ReplyCodeHash != null && o.Status == OfferStatus.Invited)
            .Where(o => o.WrongReplies < Offer.MaxWrongReplies)
            .ExecuteUpdateAsync(u => u.SetProperty(o => o.WrongReplies, o => o.WrongReplies + 1), cancellationToken);
        if (offer is null || spent == 0)
        {
            var answered = await db.Offers.AsNoTracking().AnyAsync(o => o.ResidentId == resident.Id && o.ReplyCodeHash == hash && o.Status != OfferStatus.Invited, cancellationToken);
            return Say(answered ? "Offer.Reply.AlreadyAnswered" : "Offer.Reply.WrongCode");
        }

        if (offer.ReplyCodeExpiresAt < now)
        {
            return Say("Offer.Reply.Expired", offer.Reference);
        }

        var service = (await catalogue.Current(cancellationToken)).Service(offer.ServiceCode);
        var name = ResidentLanguage.Write(resident.PreferredLanguage, culture => service?.Name.In(culture) ?? offer.ServiceCode);
        var self = Actor.Self(resident.Id) with { Channel = Channel.Proactive };
        var result = await answer.Handle(offer.Id, resident.Id, accept ? OfferAnswer.Accept : OfferAnswer.Decline, self, cancellationToken);
        return result.Outcome switch
        {
            AnswerOutcome.Sent => Say("Offer.Reply.Sent", name, CaseReference.Display(result.Cases![0].Reference)),
            AnswerOutcome.Started => Say("Offer.Reply.Started", name),
            AnswerOutcome.Declined => Say("Offer.Reply.Declined", name),
            _ => Say("Offer.Reply.AlreadyAnswered"),
        };
    }

    /// <summary>"1 K7Q2 9XFM", "１k7q29xfm", "2-K7Q29XFM": the choice and the code, or null when it is neither.</summary>
    public static (bool Accept, string Code)? Parse(string? text)
    {
        var plain = OfferCodes.Normalize((text ?? "").Normalize(NormalizationForm.FormKC));
        return Reply().Match(plain) is { Success: true } m ? (m.Groups[1].Value == "1", m.Groups[2].Value) : null;
    }

    [GeneratedRegex("^([12])([2-9A-Z]{8})$")]
    private static partial Regex Reply();
}
