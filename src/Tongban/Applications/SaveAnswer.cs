using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;

namespace Tongban.Applications;

/// <summary>
/// Saves answers into drafts, durably before the page moves on, many residents' answers in one commit
/// (<see cref="GroupCommit{TItem, TResult}"/>). Drafts are shared across channels and tabs, so one draft may get
/// several answers at once (a double click, a second tab, a clerk and her daughter): they are applied in the order they
/// came, the last one standing, and none is lost or refused.
/// </summary>
public sealed class SaveAnswer : IAsyncDisposable
{
    private readonly GroupCommit<AnswersToSave, bool> _commit;
    private readonly TimeProvider _clock;

    public SaveAnswer(IServiceScopeFactory scopes, TimeProvider clock, IMeterFactory meters, ILogger<SaveAnswer> logger)
    {
        _clock = clock;
        _commit = new GroupCommit<AnswersToSave, bool>("answers", scopes, Write, meters, logger);
    }

    public Task<bool> Handle(Guid draftId, string questionId, string value, CancellationToken cancellationToken) =>
        Handle(draftId, new Dictionary<string, string> { [questionId] = value }, cancellationToken);

    /// <summary>Saves answers that belong together (an ID number and the date of birth it holds) in one write.</summary>
    /// <returns>False when the draft was sent meanwhile: nothing is saved into a sent form.</returns>
    public Task<bool> Handle(Guid draftId, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        return _commit.Write(new AnswersToSave(draftId, values), cancellationToken);
    }

    public ValueTask DisposeAsync() => _commit.DisposeAsync();

    private async Task<bool[]> Write(IServiceProvider services, IReadOnlyList<AnswersToSave> items, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var ids = items.Select(i => i.DraftId).Distinct().ToList();
        var drafts = await db.Drafts.Where(d => ids.Contains(d.Id) && d.SubmittedAt == null).ToDictionaryAsync(d => d.Id, cancellationToken);
        var now = _clock.GetUtcNow().UtcDateTime;
        var saved = items.Select(item => drafts.TryGetValue(item.DraftId, out var draft) && Apply(draft, item.Values, now)).ToArray();
        await db.SaveChangesAsync(cancellationToken);
        return saved;
    }

    private static bool Apply(Draft draft, IReadOnlyDictionary<string, string> values, DateTime now)
    {
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
        draft.UpdatedAt = now;
        draft.AbandonedAt = null;
        draft.Revision++;
        return true;
    }

    private sealed record AnswersToSave(Guid DraftId, IReadOnlyDictionary<string, string> Values);
}
