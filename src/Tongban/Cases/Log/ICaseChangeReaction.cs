using Tongban.Residents;

namespace Tongban.Cases.Log;

/// <summary>What just happened to a case in this unit of work: it was opened with its first entries, or one action was appended.</summary>
/// <param name="Case">The case as it now stands (status, deadline, version already updated).</param>
/// <param name="Action">The newest entry of its log: what the resident and staff must hear about.</param>
/// <param name="State">The case's state replayed from its whole log.</param>
/// <param name="Opened">True for a case opened in this unit of work (not yet in the database).</param>
/// <param name="Resident">Her record, when the caller has read it already; a reaction that needs it and finds null reads it.</param>
public sealed record CaseChange(Case Case, CaseAction Action, CaseState State, bool Opened, Resident? Resident = null);

/// <summary>
/// What another part of the city owes a case change: the deadline job, her message, the staff alerts (and, later,
/// a rating request or a certificate). Cases declares it and calls every registered one before the change is
/// saved, so what follows an action exists exactly when the action does; the features that react implement it,
/// so Cases names none of them.
/// </summary>
public interface ICaseChangeReaction
{
    Task Follow(CaseChange change, CancellationToken cancellationToken);
}
