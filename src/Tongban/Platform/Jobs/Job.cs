namespace Tongban.Platform.Jobs;

/// <summary>
/// One piece of background work kept in the database, so that it survives restarts and any node can do it.
/// (Kind, Subject) is unique: scheduling the same work again moves it instead of adding a second one.
/// </summary>
public sealed class Job
{
    public Guid Id { get; set; }

    /// <summary>The handler's name, for example <c>CaseDeadline</c>.</summary>
    public required string Kind { get; set; }

    /// <summary>What it is about, for example a case id.</summary>
    public required string Subject { get; set; }

    public DateTime RunAt { get; set; }

    /// <summary>A node that claimed the job holds it until then; after that (a crash) another may take it.</summary>
    public DateTime? LockedUntil { get; set; }

    public string? LockedBy { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTime? DoneAt { get; set; }
}
