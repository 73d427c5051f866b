namespace Tongban.Platform.Jobs;

/// <summary>Does one kind of job. Returns when to run again, or null when the work is finished.</summary>
/// <remarks>
/// A handler must be safe to run twice for the same subject (a node may die after the work and before
/// marking it done): check the state it changes, and change it under the same conditions.
/// </remarks>
public interface IJobHandler
{
    string Kind { get; }

    Task<DateTime?> Run(string subject, CancellationToken cancellationToken);
}
