using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Tongban.Applications.Reapplying;
using Tongban.Cases;
using Tongban.Cases.Log;
using Tongban.Catalogue.Forms;
using Tongban.Platform.Audit;
using Tongban.Platform.Calendar;
using Tongban.Platform.Data;
using Tongban.Residents;

namespace Tongban.Applications;

/// <summary>One press of "send": her draft of a form, sent by whoever acts, and when the request began (<see cref="Stopwatch.GetTimestamp"/>).</summary>
public sealed record DraftToSend(Guid DraftId, Guid ResidentId, ApplicationForm Form, Actor Actor, long StartedAt);

/// <summary>
/// Sends drafts in groups (<see cref="GroupCommit{TItem, TResult}"/>, ADR 0039): the submissions that arrive while one
/// group is being written are written together, with one lock statement for all their residents, one read of their
/// drafts, one of their earlier cases, one save and one commit, where each used to take all of those alone. Each is
/// decided on its own, in the order they came, as if alone: a second draft of the same resident in the same group sees
/// the cases the first just made, and the same draft sent twice in one group makes its cases once.
/// </summary>
public sealed class SendDrafts : IAsyncDisposable
{
    private readonly GroupCommit<DraftToSend, Submitted?> _commit;
    private readonly SubmissionMetrics _metrics;
    private readonly TimeProvider _clock;

    public SendDrafts(IServiceScopeFactory scopes, SubmissionMetrics metrics, TimeProvider clock, IMeterFactory meters, ILogger<SendDrafts> logger)
    {
        (_metrics, _clock) = (metrics, clock);
        _commit = new GroupCommit<DraftToSend, Submitted?>("submissions", scopes, Write, meters, logger);
    }

    /// <returns>Null when the draft is not her draft of this form; otherwise as <see cref="SubmitApplication"/> says.</returns>
    public Task<Submitted?> Handle(DraftToSend draft, CancellationToken cancellationToken) => _commit.Write(draft, cancellationToken);

    public ValueTask DisposeAsync() => _commit.DisposeAsync();

    /// <summary>The key two submissions for the same resident queue on, on every node.</summary>
    private static string ApplyKey(Guid residentId) => $"apply:{residentId:N}";

    private async Task<Submitted?[]> Write(IServiceProvider services, IReadOnlyList<DraftToSend> items, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var open = services.GetRequiredService<OpenCase>();

        // Her earlier cases are read, and the new ones written, while her key is held: two tabs, a life event and the
        // service on its own, or two nodes, sending at once cannot both get what may be had once.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Lock(items.Select(i => ApplyKey(i.ResidentId)), cancellationToken);
        var draftIds = items.Select(i => i.DraftId).Distinct().ToList();
        var drafts = await db.Drafts.Where(d => draftIds.Contains(d.Id))
            .Join(db.Residents, d => d.ResidentId, r => r.Id, (d, r) => new { Draft = d, Resident = r })
            .ToDictionaryAsync(x => x.Draft.Id, x => (x.Draft, x.Resident), cancellationToken);
        var earlier = await EarlierCases.OfEach(db, [.. drafts.Values.Select(x => x.Draft.ResidentId).Distinct()], cancellationToken);

        var sent = new Submitted?[items.Count];
        var made = new Dictionary<Guid, IReadOnlyList<Case>>();
        var sentBefore = new List<int>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (!drafts.TryGetValue(item.DraftId, out var found) || found.Draft.ResidentId != item.ResidentId || found.Draft.FormKey != item.Form.Key)
            {
                continue; // not her draft of this form: null
            }

            if (found.Draft.SubmittedAt is not null)
            {
                // Sent twice (a double click, a retry): earlier in this group, or before it, whose cases are read below.
                if (made.TryGetValue(item.DraftId, out var cases))
                {
                    sent[i] = new(cases, null);
                }
                else
                {
                    sentBefore.Add(i);
                }

                continue;
            }

            if (!earlier.TryGetValue(item.ResidentId, out var hers))
            {
                earlier[item.ResidentId] = hers = [];
            }

            sent[i] = await Send(db, open, item, found.Draft, found.Resident, hers, cancellationToken);
            if (sent[i] is { Cases.Count: > 0 } result)
            {
                made[item.DraftId] = result.Cases;
                hers.AddRange(result.Cases.Select(EarlierCases.JustMade));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        var audit = services.GetRequiredService<AuditTrail>();
        var madeBy = items.Where(i => made.ContainsKey(i.DraftId)).DistinctBy(i => i.DraftId).ToList();
        foreach (var item in madeBy.Where(i => !i.Actor.IsResident(i.ResidentId)))
        {
            foreach (var c in made[item.DraftId])
            {
                await audit.Record(item.ResidentId, item.Actor, AuditAction.Created, AuditSubject.Case(CaseReference.Display(c.Reference)), cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        foreach (var item in madeBy)
        {
            _metrics.Submitted(item.Actor.Channel, item.StartedAt);
        }

        if (sentBefore.Count > 0)
        {
            var ids = sentBefore.Select(i => items[i].DraftId).Distinct().ToList();
            var cases = (await db.Cases.AsNoTracking().Where(c => ids.Contains(c.DraftId)).ToListAsync(cancellationToken)).ToLookup(c => c.DraftId);
            foreach (var i in sentBefore)
            {
                sent[i] = new(SubmitApplication.InOrder(cases[items[i].DraftId]), null);
            }
        }

        return sent;
    }

    /// <summary>One draft decided and its cases added to the group's unit of work, as if it were sent alone.</summary>
    private async Task<Submitted> Send(AppDbContext db, OpenCase open, DraftToSend item, Draft draft, Resident resident, List<EarlierCase> hers, CancellationToken cancellationToken)
    {
        var today = _clock.Today();
        var answers = draft.Answers();
        var form = item.Form;
        var earlier = hers.Where(e => form.Services.Any(s => s.Service.Code == e.ServiceCode)).ToList();

        // What she cannot have now is left out of the form, as the pages left it out of the questions.
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
            _metrics.Decided(service.Code, decision.Approved, decidingAt);
            var application = new CaseApplication(service.Code, service.TimeLimitWorkingDays, serviceForm.Version, draft.ResidentId, draft.Id, own, decision);
            cases.Add(await open.Handle(application, item.Actor, resident, cancellationToken));
        }

        // The funnel's last step is saved with the cases: counted once however often she presses "send".
        db.FormEvents.Add(RecordFormStep.Event(resident, form.Key, "check", FormStep.Submitted, item.Actor.Channel, _clock));
        draft.SubmittedAt = _clock.GetUtcNow().UtcDateTime;
        draft.Revision++;
        return new(cases, null, blocked);
    }
}
