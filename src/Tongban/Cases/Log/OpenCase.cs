using Tongban.Platform.Audit;
using Tongban.Platform.Calendar;

namespace Tongban.Cases.Log;

/// <summary>The first entries of a new case's log: submitted, and, when the published rules all pass, accepted and approved by them.</summary>
public static class OpenCase
{
    public static (IReadOnlyList<CaseAction> Log, CaseState State) Start(Case created, Actor submitter, bool approvedByRules, DateTime now, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(created);
        var rules = new Actor(ActorKind.Rule, null, "Published rules", "System", $"rules:{created.FormVersion}");
        var log = new List<CaseAction> { CaseAction.By(submitter, CaseActionKind.Submitted, now) };
        if (approvedByRules)
        {
            log.Add(CaseAction.By(rules, CaseActionKind.Accepted, now));
            log.Add(CaseAction.By(rules, CaseActionKind.Approved, now));
        }

        for (var i = 0; i < log.Count; i++)
        {
            (log[i].CaseId, log[i].Sequence) = (created.Id, i + 1);
        }

        var state = CaseState.Replay(log, created.TimeLimitWorkingDays, calendar);
        state.ApplyTo(created);
        created.Version = log.Count;
        return (log, state);
    }
}
