using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tongban.Platform.Audit;
using Tongban.Platform.Calendar;
using Tongban.Platform.Data;
using Tongban.Platform.Localization;

namespace Tongban.Cases.Log;

public enum AppendResult
{
    Done,

    /// <summary>Someone acted on the case after the version the actor saw: nothing changed.</summary>
    Stale,

    /// <summary>The action cannot follow the case's status (for example approving a withdrawn case), or the actor may not take it (see <see cref="CaseActionRights"/>).</summary>
    NotAllowed,

    /// <summary>The action lacks what it needs (reasons, legal basis, the items of a notice).</summary>
    Invalid,
}

/// <summary>
/// The one way a case changes after it is opened: adds one action to its log, re-derives status and deadline
/// from the whole log, lets what follows it happen (<see cref="ICaseChangeReaction"/>: the deadline job, her
/// message, staff alerts) and records it on her trail, all in one transaction. The actor names the version
/// she saw; if another action landed since, hers is refused as stale rather than written over it.
/// </summary>
public sealed class AppendCaseAction(AppDbContext db, TimeProvider clock, WorkingDayCalendar calendar, AuditTrail audit, IEnumerable<ICaseChangeReaction> reactions, IStringLocalizer<SharedResource> t)
{
    public async Task<AppendResult> Handle(Guid caseId, int seenVersion, Actor actor, CaseActionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        if (input.Problems(t).Count > 0)
        {
            return AppendResult.Invalid;
        }

        if (!CaseActionRights.MayTake(actor, input.Kind))
        {
            return AppendResult.NotAllowed;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var target = await db.Cases.SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (target is null || target.Version != seenVersion)
        {
            return AppendResult.Stale;
        }

        // The log as it was at the version read: an action committed meanwhile (read committed lets it show) must make
        // this one stale at the save, not "not allowed" by a rule judged on a case and a log of different moments.
        var log = await db.CaseActions.AsNoTracking().Where(a => a.CaseId == caseId && a.Sequence <= seenVersion).ToListAsync(cancellationToken);
        if (!CaseTransitions.Allows(target, log, input.Kind))
        {
            return AppendResult.NotAllowed;
        }

        var action = CaseAction.By(actor, input.Kind, clock.GetUtcNow().UtcDateTime);
        action.CaseId = caseId;
        action.Sequence = seenVersion + 1;
        action.Text = input.Text?.Trim() is { Length: > 0 } text ? text : null;
        action.LegalBasis = input.LegalBasis?.Trim() is { Length: > 0 } basis ? basis : null;
        action.Items = (input.Items ?? []).Select(i => i.Trim()).Where(i => i.Length > 0).ToList();
        action.Documents = [.. input.Documents ?? []];
        (action.AssignedToId, action.AssignedToName) = (input.AssignTo, input.AssignToName);
        log.Add(action);
        var state = CaseState.Replay(log, target.TimeLimitWorkingDays, calendar);
        state.ApplyTo(target);
        target.Version = action.Sequence;
        db.CaseActions.Add(action);
        foreach (var reaction in reactions)
        {
            await reaction.Follow(new CaseChange(target, action, state, Opened: false), cancellationToken);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The version check (a concurrency token) or the (case, sequence) key: another action got there first.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return AppendResult.Stale;
        }

        await audit.Record(target.ResidentId, actor, AuditAction.Changed, AuditSubject.Case(CaseReference.Display(target.Reference), input.Kind.ToString()), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AppendResult.Done;
    }
}
