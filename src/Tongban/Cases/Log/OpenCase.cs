using System.Text.Json;
using Tongban.Platform.Audit;
using Tongban.Platform.Calendar;
using Tongban.Platform.Data;
using Tongban.Residents;

namespace Tongban.Cases.Log;

/// <summary>One application for one service as it was submitted: what a new case is made of.</summary>
public sealed record CaseApplication(
    string ServiceCode,
    int TimeLimitWorkingDays,
    string FormVersion,
    Guid ResidentId,
    Guid DraftId,
    IReadOnlyDictionary<string, string> Answers,
    InstantDecision Decision);

/// <summary>
/// The one way a case comes to exist: its record, the first entries of its log (submitted, and, when the
/// published rules all passed, accepted and approved by them) and what follows them (<see cref="ICaseChangeReaction"/>),
/// all added to the caller's unit of work, which saves them together with whatever else it writes.
/// </summary>
public sealed class OpenCase(AppDbContext db, TimeProvider clock, WorkingDayCalendar calendar, IEnumerable<ICaseChangeReaction> reactions)
{
    public async Task<Case> Handle(CaseApplication application, Actor submitter, Resident? resident, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(submitter);
        var now = clock.GetUtcNow().UtcDateTime;
        var created = new Case
        {
            Id = Guid.NewGuid(),
            Reference = CaseReference.New(),
            ServiceCode = application.ServiceCode,
            ResidentId = application.ResidentId,
            DraftId = application.DraftId,
            Channel = submitter.Channel,
            PartnerCode = submitter.Partner,
            ActorKind = submitter.Kind,
            ActorId = submitter.Id,
            ActorName = submitter.Kind == ActorKind.Resident ? null : submitter.Name,
            ActingUnder = submitter.Reason,
            SubmittedAt = now,
            TimeLimitWorkingDays = application.TimeLimitWorkingDays,
            FormVersion = application.FormVersion,
            AnswersJson = JsonSerializer.Serialize(application.Answers),
            RuleOutcomes = [.. application.Decision.Outcomes],
        };
        var (log, state) = FirstEntries(created, submitter, application.Decision.Approved, now, calendar);
        db.Cases.Add(created);
        db.CaseActions.AddRange(log);
        foreach (var reaction in reactions)
        {
            await reaction.Follow(new CaseChange(created, log[^1], state, Opened: true, resident), cancellationToken);
        }

        return created;
    }

    /// <summary>The log a new case starts with, and the state it gives (also set on <paramref name="created"/>).</summary>
    private static (IReadOnlyList<CaseAction> Log, CaseState State) FirstEntries(Case created, Actor submitter, bool approvedByRules, DateTime now, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(created);
        var rules = new Actor(ActorKind.Rule, null, "Published rules", Channel.System, $"rules:{created.FormVersion}");
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
