using Tongban.Platform.Audit;
using Tongban.Staff;

namespace Tongban.Cases.Log;

/// <summary>The sides of a case: who may take which action on it.</summary>
public enum CaseParty
{
    /// <summary>She, someone acting for her under a delegation, her partner app, or staff helping her under her recorded consent.</summary>
    Applicant,

    /// <summary>A case officer of the department that runs the service.</summary>
    Officer,

    /// <summary>The department's head: an officer's actions, and handing a case to a colleague.</summary>
    DepartmentHead,

    /// <summary>The published rules (instant approval) and the time-limit watch.</summary>
    Rules,
}

/// <summary>
/// Who may take which action, beside <see cref="CaseTransitions"/> (which action may follow which status).
/// AppendCaseAction refuses any other; the case pages offer only these. That the officer belongs to the
/// service's department is decided before, by the access policy that made her actor.
/// </summary>
public static class CaseActionRights
{
    private static readonly Dictionary<CaseActionKind, CaseParty[]> Table = new()
    {
        [CaseActionKind.Submitted] = [CaseParty.Applicant],
        [CaseActionKind.Accepted] = [CaseParty.Officer, CaseParty.DepartmentHead, CaseParty.Rules],
        [CaseActionKind.MoreInformationRequested] = [CaseParty.Officer, CaseParty.DepartmentHead],
        [CaseActionKind.InformationProvided] = [CaseParty.Applicant],
        [CaseActionKind.Approved] = [CaseParty.Officer, CaseParty.DepartmentHead, CaseParty.Rules],
        [CaseActionKind.Rejected] = [CaseParty.Officer, CaseParty.DepartmentHead],
        [CaseActionKind.Withdrawn] = [CaseParty.Applicant],
        [CaseActionKind.Reassigned] = [CaseParty.DepartmentHead],
        [CaseActionKind.Escalated] = [CaseParty.Officer, CaseParty.DepartmentHead, CaseParty.Rules],
        [CaseActionKind.ReviewRequested] = [CaseParty.Applicant],
        [CaseActionKind.FurtherNotice] = [CaseParty.DepartmentHead],
    };

    /// <summary>Which side the actor is on; null for staff whose role has no part in casework (an analyst, an operator).</summary>
    public static CaseParty? PartyOf(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Kind switch
        {
            ActorKind.Resident or ActorKind.Proxy or ActorKind.Partner => CaseParty.Applicant,
            ActorKind.Rule => CaseParty.Rules,
            ActorKind.Staff => Enum.TryParse<StaffRole>(actor.Role, out var role) ? role switch
            {
                StaffRole.CaseOfficer => CaseParty.Officer,
                StaffRole.DepartmentHead => CaseParty.DepartmentHead,
                StaffRole.CounterClerk or StaffRole.HotlineAgent => CaseParty.Applicant,
                _ => null,
            } : null,
            _ => null,
        };
    }

    public static bool MayTake(Actor actor, CaseActionKind action) =>
        PartyOf(actor) is { } party && Table.TryGetValue(action, out var parties) && parties.Contains(party);
}
