using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tongban.Cases;
using Tongban.Catalogue;
using Tongban.Notifications;
using Tongban.Platform.Data;
using Tongban.Platform.Email;
using Tongban.Platform.Jobs;
using Tongban.Platform.Localization;

namespace Tongban.Ratings;

/// <summary>
/// The one reminder to rate, three days after a case ended, if she has not rated it: by SMS she can answer with a
/// digit (see <see cref="RateBySms"/>), otherwise on her channel with the page to rate on. Its key makes it once, however
/// often the job runs.
/// </summary>
public sealed class RemindToRate(AppDbContext db, CatalogueStore catalogue, WriteNotification write, IEnumerable<IEmailSender> email, IStringLocalizer<SharedResource> t) : IJobHandler
{
    public string Kind => InviteToRate.JobKind;

    /// <summary>What every reminder's notification key starts with; <see cref="RateBySms"/> finds her newest reminder by it.</summary>
    public const string KeyPrefix = "rating:";

    public static string Key(Guid caseId) => $"{KeyPrefix}{caseId:N}";

    public async Task<DateTime?> Run(string subject, CancellationToken cancellationToken)
    {
        var target = Guid.TryParse(subject, out var id) ? await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken) : null;
        if (target is null || !RateCase.Ended(target.Status)
            || await db.Ratings.AnyAsync(r => r.CaseId == id, cancellationToken)
            || await db.Notifications.AnyAsync(n => n.Key == Key(id), cancellationToken))
        {
            return null;
        }

        var resident = await db.Residents.AsNoTracking().SingleAsync(r => r.Id == target.ResidentId, cancellationToken);
        var service = (await catalogue.Current(cancellationToken)).Service(target.ServiceCode);
        var bySms = NotifyResident.BestChannel(resident, email.Any()).Channel == NotificationChannel.Sms;
        var reference = CaseReference.Display(target.Reference);
        var (title, text) = ResidentLanguage.Write(resident.PreferredLanguage, culture =>
        {
            var name = service?.Name.In(culture) ?? target.ServiceCode;
            return (t["Notice.Subject", name, reference].Value,
                t[bySms ? "Rating.Reminder.Sms" : "Rating.Reminder", name, reference].Value);
        });
        write.Handle(resident, target.Id, Key(id), title, text);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
