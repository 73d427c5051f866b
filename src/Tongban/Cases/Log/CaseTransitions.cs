namespace Tongban.Cases.Log;

/// <summary>Which action may follow which status. Anything else is refused and changes nothing.</summary>
public static class CaseTransitions
{
    private static readonly CaseStatus[] Open = [CaseStatus.WithOfficer, CaseStatus.InProgress, CaseStatus.WaitingForResident];

    public static bool Allows(CaseStatus from, CaseActionKind action) => action switch
    {
        CaseActionKind.Submitted => false,
        CaseActionKind.Accepted => from == CaseStatus.WithOfficer,
        CaseActionKind.MoreInformationRequested or CaseActionKind.FurtherNotice => from is CaseStatus.WithOfficer or CaseStatus.InProgress,
        CaseActionKind.InformationProvided => from == CaseStatus.WaitingForResident,
        CaseActionKind.Approved => from == CaseStatus.InProgress,
        CaseActionKind.Rejected => from is CaseStatus.InProgress or CaseStatus.WaitingForResident,
        CaseActionKind.Withdrawn or CaseActionKind.Reassigned => Open.Contains(from),

        // While she is being waited for the clock stands still, so there is nothing to escalate.
        CaseActionKind.Escalated => from is CaseStatus.WithOfficer or CaseStatus.InProgress,
        CaseActionKind.ReviewRequested => from is CaseStatus.Approved or CaseStatus.WithOfficer,
        _ => false,
    };

    /// <summary>
    /// As <see cref="Allows(CaseStatus, CaseActionKind)"/>, and given the case's log so far: a review only of a decision
    /// the rules made, once; one one-time notice per case (一次性告知 means all at once), anything after it a further notice.
    /// </summary>
    public static bool Allows(Case target, IEnumerable<CaseAction> log, CaseActionKind action)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(log);
        var noticeSent = log.Any(a => a.Kind == CaseActionKind.MoreInformationRequested);
        return Allows(target.Status, action) && action switch
        {
            CaseActionKind.ReviewRequested => target.RuleOutcomes.Count > 0 && target.ReviewRequestedAt is null,
            CaseActionKind.MoreInformationRequested => !noticeSent,
            CaseActionKind.FurtherNotice => noticeSent,
            _ => true,
        };
    }

    public static bool IsOpen(CaseStatus status) => Open.Contains(status);
}
