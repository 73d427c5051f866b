namespace Tongban.Cases.Log;

/// <summary>What can happen to a case. Each is one row of its log; the status follows from the sequence.</summary>
public enum CaseActionKind
{
    Submitted,
    Accepted,

    /// <summary>A one-time notice (一次性告知): every missing item at once; the clock stops.</summary>
    MoreInformationRequested,

    /// <summary>Her answer to the notice; the clock runs again.</summary>
    InformationProvided,
    Approved,

    /// <summary>Refused, with reasons and the legal basis.</summary>
    Rejected,

    /// <summary>She (or someone for her) took the application back.</summary>
    Withdrawn,

    /// <summary>Handed to another officer of the department.</summary>
    Reassigned,

    /// <summary>Sent up to the department head: by an officer, or by the deadline job at breach.</summary>
    Escalated,

    /// <summary>She asked for a person to look again at an automatic decision.</summary>
    ReviewRequested,

    /// <summary>
    /// A second request for information after the one-time notice: only the department head sends it, with the reason
    /// the first did not list everything, and she is shown it as such. The clock stops as for the first.
    /// </summary>
    FurtherNotice,
}
