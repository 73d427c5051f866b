using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tongban.Notifications;
using Tongban.Platform.Calendar;
using Tongban.Platform.Data;
using Tongban.Platform.Email;
using Tongban.Platform.Jobs;
using Tongban.Platform.Localization;
using Tongban.Residents.Assisted;

namespace Tongban.Ratings.Visits;

/// <summary>
/// The one message inviting her to rate a visit or a call: right after a 12345 call (the hotline has no tablet), three
/// days after a counter visit if she did not rate it on the tablet there. By SMS she answers with a digit (see
/// <see cref="RateBySms"/>); otherwise on her channel with the page to rate on. Its key makes it once.
/// </summary>
public sealed class InviteToRateVisit(AppDbContext db, JobScheduler jobs, WriteNotification write, IEnumerable<IEmailSender> email, TimeProvider clock, IStringLocalizer<SharedResource> t) : IJobHandler, IFollowEndedSessions
{
    public const string JobKind = "VisitRatingInvitation";

    public string Kind => JobKind;

    public static string Key(Guid visitId) => $"{RemindToRate.KeyPrefix}visit:{visitId:N}";

    /// <summary>The visit or call in a message's key, or null when the key is not an invitation to rate one.</summary>
    public static Guid? VisitOf(string key) =>
        key is not null && key.StartsWith($"{RemindToRate.KeyPrefix}visit:", StringComparison.Ordinal) && Guid.TryParseExact(key[^32..], "N", out var id) ? id : null;

    /// <summary>When the visits or calls just ended are invited; in the caller's unit of work.</summary>
    public async Task Follow(IReadOnlyList<AssistedSession> ended, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ended);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var visit in ended.Where(v => v.Rateable))
        {
            await jobs.Schedule(JobKind, visit.Id.ToString(), visit.Channel == Channel.Hotline ? now : now + InviteToRate.ReminderAfter, cancellationToken);
        }
    }

    public async Task<DateTime?> Run(string subject, CancellationToken cancellationToken)
    {
        var visit = Guid.TryParse(subject, out var id) ? await db.AssistedSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken) : null;
        if (visit is null || !visit.Rateable
            || await db.Ratings.AnyAsync(r => r.VisitId == id, cancellationToken)
            || await db.Notifications.AnyAsync(n => n.Key == Key(id), cancellationToken))
        {
            return null;
        }

        var resident = await db.Residents.AsNoTracking().SingleAsync(r => r.Id == visit.ResidentId, cancellationToken);
        var bySms = NotifyResident.BestChannel(resident, email.Any()).Channel == NotificationChannel.Sms;
        var day = DateOnly.FromDateTime(CityTime.Local(visit.StartedAt));
        var page = $"/me/visits/{visit.Id:N}";
        var (title, text) = ResidentLanguage.Write(resident.PreferredLanguage, culture =>
        {
            var what = t[VisitService.NameKey(VisitService.CodeFor(visit.Channel))!].Value;
            var when = day.ToString("D", culture);
            return (t["Notice.Subject.Visit", what, visit.Reference].Value,
                t[bySms ? "Rating.Visit.Invite.Sms" : "Rating.Visit.Invite", what, when, visit.Reference].Value);
        });
        write.Handle(resident, null, Key(id), title, text, visit.Reference, page);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
