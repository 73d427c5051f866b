using Microsoft.EntityFrameworkCore;
using Tongban.Catalogue.Forms;
using Tongban.Platform.Data;

namespace Tongban.Applications;

/// <summary>
/// Resumes the resident's open draft of a form, on whatever channel, or starts one with everything the
/// city already holds filled in (once-only), so that she is asked only what it does not know.
/// The draft comes back untracked: most callers only read it (every question page does), and answers are saved
/// through <see cref="SaveAnswer"/>; a caller that changes it attaches it first.
/// </summary>
public sealed class StartApplication(AppDbContext db, TimeProvider clock)
{
    public async Task<Draft> Handle(Guid residentId, ApplicationForm form, Channel channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        return await Open(residentId, form.Key, cancellationToken) ?? await Start(residentId, form, channel, cancellationToken);
    }

    /// <summary>
    /// Starts her draft when the caller has just found none open (<see cref="Reapplying.EarlierCases.WithOpenDraft"/>),
    /// without asking again; if another channel started one meanwhile, that one is returned.
    /// </summary>
    public async Task<Draft> Start(Guid residentId, ApplicationForm form, Channel channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var resident = await db.Residents.AsNoTracking().SingleAsync(r => r.Id == residentId, cancellationToken);
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var question in form.Questions.Where(q => q.Prefill is not null))
        {
            if (ProfileAnswers.Held(resident, question.Prefill!) is { Length: > 0 } value)
            {
                answers[question.Id] = value;
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var draft = new Draft
        {
            Id = Guid.NewGuid(),
            ResidentId = residentId,
            FormKey = form.Key,
            StartedChannel = channel,
            Prefilled = answers.Keys.ToList(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        draft.SetAnswers(answers);
        db.Drafts.Add(draft);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            db.Entry(draft).State = EntityState.Detached;
            return draft;
        }
        catch (DbUpdateException)
        {
            // Two channels started the same form at the same moment: both carry on with the one that won.
            db.Entry(draft).State = EntityState.Detached;
            return await Open(residentId, form.Key, cancellationToken) ?? throw new InvalidOperationException("Draft neither created nor found.");
        }
    }

    /// <summary>
    /// Her open draft of the form: compiled once, as every question page and answer asks for it (ADR 0034), and
    /// untracked: EF Core's snapshot of the draft's lists took about 3 % of the server's time on question pages (ADR 0036).
    /// </summary>
    private static readonly Func<AppDbContext, Guid, string, CancellationToken, Task<Draft?>> OpenDraft = EF.CompileAsyncQuery(
        (AppDbContext db, Guid residentId, string formKey, CancellationToken cancellationToken) =>
            db.Set<Draft>().AsNoTracking().SingleOrDefault(d => d.ResidentId == residentId && d.FormKey == formKey && d.SubmittedAt == null));

    private Task<Draft?> Open(Guid residentId, string formKey, CancellationToken cancellationToken) => OpenDraft(db, residentId, formKey, cancellationToken);
}
