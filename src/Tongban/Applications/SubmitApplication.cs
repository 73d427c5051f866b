using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Tongban.Applications.Reapplying;
using Tongban.Cases;
using Tongban.Cases.Log;
using Tongban.Catalogue.Forms;
using Tongban.Platform.Audit;
using Tongban.Platform.Calendar;
using Tongban.Platform.Data;

namespace Tongban.Applications;

/// <param name="Cases">The cases made (or made the first time the draft was sent).</param>
/// <param name="Unanswered">A question still to answer: nothing was sent.</param>
/// <param name="Blocked">The services left out because she has one pending or granted already (see <see cref="MayApplyAgain"/>); when these and the ones she chose not to apply for are all, nothing was sent and the draft stays open.</param>
public sealed record Submitted(IReadOnlyList<Case> Cases, Question? Unanswered, IReadOnlyList<Blocked>? Blocked = null);

/// <summary>
/// Turns a finished draft into one case per service, each judged at once by its published rules
/// (秒批): approved when every rule passes, otherwise with a person, with the reasons either way.
/// Submitting twice (a double click, a retry, the back button) returns the cases of the first time.
/// </summary>
public sealed class SubmitApplication(AppDbContext db, TimeProvider clock, AuditTrail audit, OpenCase open, EarlierCases earlierCases, SubmissionMetrics metrics)
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
        var audited = !actor.IsResident(draft.ResidentId);

        // Her earlier cases are read, and the new ones written, while her key is held: two tabs, or the life event and
        // the service on its own, sending at once cannot both get what may be had once. What she cannot have now is
        // left out of the form, as the pages left it out of the questions.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Lock($"apply:{draft.ResidentId:N}", cancellationToken);
        if (await db.Drafts.AnyAsync(d => d.Id == draftId && d.SubmittedAt != null, cancellationToken))
        {
            // The same draft sent twice at once (a double click): the second waited for the first and shows its cases.
            return new(await CasesOf(draftId, cancellationToken), null);
        }

        var earlier = await earlierCases.Of(draft.ResidentId, form.Services.Select(s => s.Service.Code).ToList(), cancellationToken);
        var blocked = MayApplyAgain.InForm(form, earlier, today);
        form = form.Without([.. blocked.Select(b => b.Service.Code), .. draft.LeftOut]);
        if (form.Services.Count == 0)
        {
            return new([], null, blocked);
        }

        if (ApplicationFlow.Next(form, answers, today) is { } missing)
        {
            return new([], missing);
        }

        var visible = ApplicationFlow.Visible(form, answers, today).Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        var cases = new List<Case>();
        foreach (var (service, serviceForm) in form.Services)
        {
            var decidingAt = Stopwatch.GetTimestamp();
            var own = serviceForm.Questions.Where(q => visible.Contains(q.Id) && answers.ContainsKey(q.Id)).ToDictionary(q => q.Id, q => answers[q.Id], StringComparer.Ordinal);
            var decision = InstantApproval.InstantApproval.Decide(serviceForm, own, today, earlier);
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
            if (audited)
            {
                foreach (var c in cases)
                {
                    await audit.Record(draft.ResidentId, actor, AuditAction.Created, AuditSubject.Case(CaseReference.Display(c.Reference)), cancellationToken);
                }
            }

            await transaction.CommitAsync(cancellationToken);
            metrics.Submitted(actor.Channel, startedAt);
            return new(cases, null, blocked);
        }
        catch (DbUpdateException)
        {
            // Another request submitted the same draft first (or saved an answer meanwhile): show what it made.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            var first = await CasesOf(draftId, cancellationToken);
            return first.Count > 0 ? new(first, null) : throw new InvalidOperationException("The draft changed while it was being submitted; please try again.");
        }
    }

    private async Task<IReadOnlyList<Case>> CasesOf(Guid draftId, CancellationToken cancellationToken) =>
        await db.Cases.AsNoTracking().Where(c => c.DraftId == draftId).OrderBy(c => c.SubmittedAt).ThenBy(c => c.ServiceCode).ToListAsync(cancellationToken);
}
