using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tongban.Notifications;
using Tongban.Platform.Audit;
using Tongban.Platform.Data;
using Tongban.Platform.Localization;
using Tongban.Platform.Sms;

namespace Tongban.Ratings;

/// <summary>
/// Her SMS answer to the reminder to rate: a digit from 1 to 5 rates the case, visit or call the newest reminder was about, within
/// <see cref="ReplyWindow"/> of it (another number is answered with how to reply, a late one with where to rate now);
/// after a bad rating, her next message within a day is taken as what went wrong.
/// Only from the number the reminder went to (her sign-in number, proven by a code). Anything else is left to the
/// other features that take replies (an offer's code).
/// </summary>
public sealed class RateBySms(AppDbContext db, RateCase rate, Visits.RateVisit rateVisit, IStringLocalizer<SharedResource> t, TimeProvider clock) : ISmsReplyHandler
{
    public static readonly TimeSpan ReplyWindow = TimeSpan.FromDays(7);

    /// <summary>How long after a bad rating by SMS her next message is taken as the comment.</summary>
    public static readonly TimeSpan CommentWindow = TimeSpan.FromDays(1);

    public int Order => 10;

    public async Task<SmsReply?> Handle(string from, string text, CancellationToken cancellationToken)
    {
        var number = Residents.MobileNumber.Normalize(from);
        var resident = number is null ? null : await db.Residents.AsNoTracking().SingleOrDefaultAsync(r => r.MobileNumber == number, cancellationToken);
        if (resident is null)
        {
            return null;
        }

        SmsReply Say(string key, params object[] args) => new(number!, ResidentLanguage.Write(resident.PreferredLanguage, _ => t[key, args].Value));
        var now = clock.GetUtcNow().UtcDateTime;
        var plain = (text ?? "").Normalize(NormalizationForm.FormKC).Trim().TrimEnd('.', '。', '!', '！');
        if (plain.Length is > 0 and <= 3 && plain.All(char.IsAsciiDigit))
        {
            var reminder = await db.Notifications.AsNoTracking()
                .Where(n => n.ResidentId == resident.Id && n.Key.StartsWith(RemindToRate.KeyPrefix) && n.Channel == NotificationChannel.Sms)
                .OrderByDescending(n => n.CreatedAt).FirstOrDefaultAsync(cancellationToken);
            if (reminder is null)
            {
                return null;
            }

            if (reminder.CreatedAt + ReplyWindow < now)
            {
                return Say("Rating.Sms.Late");
            }

            if (plain is not ("1" or "2" or "3" or "4" or "5"))
            {
                return Say("Rating.Sms.Digit");
            }

            var digit = new RatingInput(plain[0] - '0', new Dictionary<string, int?>(), null);
            var result = await ResidentLanguage.WriteAsync(resident.PreferredLanguage, async () =>
            {
                if (Visits.InviteToRateVisit.VisitOf(reminder.Key) is { } visitId)
                {
                    var visit = await db.AssistedSessions.AsNoTracking().SingleAsync(v => v.Id == visitId, cancellationToken);
                    return await rateVisit.Handle(visit, Actor.Self(resident.Id), RatedVia.Sms, digit, cancellationToken);
                }

                var target = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == reminder.CaseId, cancellationToken);
                return await rate.Handle(target, Actor.Self(resident.Id), RatedVia.Sms, digit, cancellationToken);
            });
            return result.Outcome switch
            {
                RateOutcome.Rated when result.Rating!.IsBad => Say("Rating.Sms.Bad"),
                RateOutcome.Rated => Say("Rating.Sms.Thanks"),
                RateOutcome.AlreadyRated => Say("Rating.Sms.Already"),
                _ => new(number!, result.Problems[0].Message),
            };
        }

        // What went wrong, after a bad rating by SMS that has no comment yet.
        var since = now - CommentWindow;
        var rating = await db.Ratings.AsNoTracking()
            .Where(r => r.ResidentId == resident.Id && r.RatedVia == RatedVia.Sms && r.Level <= 2 && r.Comment == null && r.RatedAt >= since)
            .OrderByDescending(r => r.RatedAt).FirstOrDefaultAsync(cancellationToken);
        if (rating is null)
        {
            return null;
        }

        var input = new RatingInput(rating.Level, new Dictionary<string, int?>(), text);
        if (input.CommentText is null)
        {
            return null;
        }

        if (ResidentLanguage.Write(resident.PreferredLanguage, _ => input.Problems([], t)) is [var problem, ..])
        {
            return new(number!, problem.Message);
        }

        var taken = await db.Ratings.Where(r => r.Id == rating.Id && r.Comment == null)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Comment, input.CommentText), cancellationToken);
        return taken == 1 ? Say("Rating.Sms.CommentTaken") : null;
    }
}
