using Microsoft.EntityFrameworkCore;
using Tongban.Catalogue;
using Tongban.Platform.Calendar;
using Tongban.Platform.Data;
using Tongban.Platform.Jobs;

namespace Tongban.Applications;

/// <summary>
/// The funnel's "abandoned": once a day, every draft nobody has touched for <see cref="After"/> is counted
/// once as abandoned at the page where she stopped (the next question, or the check page), with her group as
/// <see cref="RecordFormStep"/> counts it and nothing that identifies her. If she carries on later, a second
/// stop counts again. The draft itself is kept: she can still finish it on any channel.
/// </summary>
public sealed class RecordAbandonedDrafts(AppDbContext db, CatalogueStore catalogue, TimeProvider clock) : IJobHandler, IRecurringJob
{
    public const string JobKind = "AbandonedDrafts";
    public static readonly TimeSpan After = TimeSpan.FromDays(7);

    /// <summary>Drafts counted per run; a full batch runs again at once.</summary>
    private const int Batch = 500;

    public string Kind => JobKind;

    public async Task<DateTime?> Run(string subject, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now - After;
        var stopped = await db.Drafts.Where(d => d.SubmittedAt == null && d.AbandonedAt == null && d.UpdatedAt <= cutoff)
            .OrderBy(d => d.UpdatedAt).Take(Batch)
            .Join(db.Residents, d => d.ResidentId, r => r.Id, (d, r) => new { Draft = d, Resident = r })
            .ToListAsync(cancellationToken);
        var snapshot = await catalogue.Current(cancellationToken);
        var today = clock.Today();
        foreach (var (draft, resident) in stopped.Select(s => (s.Draft, s.Resident)))
        {
            var form = draft.FormKey.Split('/') is [var kind, var code] ? snapshot.ApplicationForm(kind, code) : null;
            var page = form is null ? "unknown" : ApplicationFlow.Next(form, draft.Answers(), today)?.Id ?? "check";
            db.FormEvents.Add(RecordFormStep.Event(resident, draft.FormKey, page, FormStep.Abandoned, draft.StartedChannel, clock));
            draft.AbandonedAt = now;
        }

        // A resident saving an answer meanwhile changes the draft's revision: this run then fails and the
        // next one looks again, so a draft she is working on is never counted.
        await db.SaveChangesAsync(cancellationToken);
        return stopped.Count == Batch ? now : now.AddDays(1);
    }

    /// <summary>The daily run starts at the first start-up.</summary>
    public (string Kind, string Subject, DateTime FirstRun)? Schedule(AppDbContext db, DateTime now) => (JobKind, "drafts", now);
}
