using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Tongban.Cases;
using Tongban.Cases.Log;
using Tongban.Catalogue.Forms;
using Tongban.Platform.Audit;
using Tongban.Platform.Calendar;
using Tongban.Platform.Data;

namespace Tongban.Applications;

public sealed record Submitted(IReadOnlyList<Case> Cases, Question? Unanswered);

/// <summary>
/// Turns a finished draft into one case per service, each judged at once by its published rules
/// (秒批): approved when every rule passes, otherwise with a person, with the reasons either way.
/// Submitting twice (a double click, a retry, the back button) returns the cases of the first time.
/// </summary>
public sealed class SubmitApplication(AppDbContext db, TimeProvider clock, AuditTrail audit, OpenCase open, SubmissionMetrics metrics)
{
    /// <returns>Null when the draft is not <paramref name="residentId"/>'s draft of this form.</returns>
    public async Task<Submitted?> Handle(Guid draftId, Guid residentId, ApplicationForm form, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(actor);
        var startedAt = Stopwatch.GetTimestamp();
        // The draft, if it is hers and of this form, and her record (whom the message goes to), in one round trip.
        var (draft, resident) = await db.Drafts.Where(d => d.Id == draftId && d.ResidentId == residentId && d.FormKey == form.Key)
            .Join(db.Residents, d => d.ResidentId, r => r.Id, (d, r) => ValueTuple.Create(d, r)).SingleOrDefaultAsync(cancellationToken);
        if (draft is null)
        {
            return null;
        }

        if (draft.SubmittedAt is not null)
        {
            return new(await CasesOf(draftId, cancellationToken), null);
        }

        var today = clock.Today();
        var answers = draft.Answers();
        if (ApplicationFlow.Next(form, answers, today) is { } missing)
        {
            return new([], missing);
        }

        var visible = ApplicationFlow.Visible(form, answers, today).Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        // The cases and the draft are saved by one SaveChanges (atomic on its own); a transaction around it is
        // needed only when audit records join them, that is when someone acts for her.
        var audited = !actor.IsResident(draft.ResidentId);
        await using var transaction = audited ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var cases = new List<Case>();
        foreach (var (service, serviceForm) in form.Services)
        {
            var decidingAt = Stopwatch.GetTimestamp();
            var own = serviceForm.Questions.Where(q => visible.Contains(q.Id) && answers.ContainsKey(q.Id)).ToDictionary(q => q.Id, q => answers[q.Id], StringComparer.Ordinal);
            var decision = InstantApproval.InstantApproval.Decide(serviceForm, own, today);
            metrics.Decided(service.Code, decision.Approved, decidingAt);
            var application = new CaseApplication(service.Code, service.TimeLimitWorkingDays, serviceForm.Version, draft.ResidentId, draft.Id, own, decision);
            cases.Add(await open.Handle(application, actor, resident, cancellationToken));
        }

        // The funnel's last step is saved with the cases: counted once however often she presses "send", and in
        // the same write (on SQLite every separate write waits its turn for the database).
        db.FormEvents.Add(RecordFormStep.Event(resident, form.Key, "check", FormStep.Submitted, actor.Channel, clock));
        draft.SubmittedAt = clock.GetUtcNow().UtcDateTime;
        draft.Revision++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            if (transaction is not null)
            {
                foreach (var c in cases)
                {
                    await audit.Record(draft.ResidentId, actor, AuditAction.Created, AuditSubject.Case(CaseReference.Display(c.Reference)), cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
            }

            metrics.Submitted(actor.Channel, startedAt);
            return new(cases, null);
        }
        catch (DbUpdateException)
        {
            // Another request submitted the same draft first (or saved an answer meanwhile): show what it made.
            if (transaction is not null)
            {
                await transaction.RollbackAsync(cancellationToken);
            }

            db.ChangeTracker.Clear();
            var first = await CasesOf(draftId, cancellationToken);
            return first.Count > 0 ? new(first, null) : throw new InvalidOperationException("The draft changed while it was being submitted; please try again.");
        }
    }

    private async Task<IReadOnlyList<Case>> CasesOf(Guid draftId, CancellationToken cancellationToken) =>
        await db.Cases.AsNoTracking().Where(c => c.DraftId == draftId).OrderBy(c => c.SubmittedAt).ThenBy(c => c.ServiceCode).ToListAsync(cancellationToken);
}
