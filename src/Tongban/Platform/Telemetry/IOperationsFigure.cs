using Tongban.Platform.Data;

namespace Tongban.Platform.Telemetry;

/// <summary>
/// A figure an operator watches that only the database knows (a queue's length, cases past their time limit): each
/// feature that owns one registers it, and <see cref="OperationsFigures"/> reads them all twice a minute into gauges.
/// </summary>
public interface IOperationsFigure
{
    /// <summary>The gauge's name, <c>tongban.{feature}.{what}</c>.</summary>
    string Name { get; }

    string Unit { get; }

    string Description { get; }

    Task<long> Read(AppDbContext db, DateTime now, CancellationToken cancellationToken);
}
