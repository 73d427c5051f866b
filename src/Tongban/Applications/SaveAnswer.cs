using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;

namespace Tongban.Applications;

/// <summary>
/// Saves one answer into a draft. Drafts are shared across channels, so two people may save at once:
/// each save re-reads the draft and retries, and neither answer is lost.
/// </summary>
public sealed class SaveAnswer(AppDbContext db, TimeProvider clock)
{
    public Task Handle(Guid draftId, string questionId, string value, CancellationToken cancellationToken) =>
        Handle(draftId, new Dictionary<string, string> { [questionId] = value }, cancellationToken);

    /// <summary>Saves answers that belong together (an ID number and the date of birth it holds) in one write.</summary>
    public async Task Handle(Guid draftId, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        for (var attempt = 1; ; attempt++)
        {
            var draft = await db.Drafts.SingleAsync(d => d.Id == draftId && d.SubmittedAt == null, cancellationToken);
            var answers = draft.Answers();
            foreach (var (questionId, value) in values)
            {
                if (answers.TryGetValue(questionId, out var old) && old != value)
                {
                    draft.Prefilled = draft.Prefilled.Where(id => id != questionId).ToList();
                }

                answers[questionId] = value;
            }

            draft.SetAnswers(answers);
            draft.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            draft.AbandonedAt = null;
            draft.Revision++;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 5)
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
