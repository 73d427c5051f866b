using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Tongban.Platform.Data;

namespace Tongban.Platform.Telemetry;

/// <summary>
/// Reads every <see cref="IOperationsFigure"/> every <see cref="Every"/> and reports each as a gauge of the
/// <c>Tongban.Operations</c> meter. Every node reports the same figures (they come from the shared database): a
/// dashboard takes their maximum. A figure that could not be read keeps its last value, with a warning.
/// </summary>
public sealed class OperationsFigures : BackgroundService
{
    public const string MeterName = "Tongban.Operations";
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(30);

    private readonly IServiceScopeFactory _scopes;
    private readonly IReadOnlyList<IOperationsFigure> _figures;
    private readonly TimeProvider _clock;
    private readonly ILogger<OperationsFigures> _logger;
    private readonly ConcurrentDictionary<string, long> _values = new(StringComparer.Ordinal);

    public OperationsFigures(IServiceScopeFactory scopes, IEnumerable<IOperationsFigure> figures, IMeterFactory meters, TimeProvider clock, ILogger<OperationsFigures> logger)
    {
        ArgumentNullException.ThrowIfNull(meters);
        (_scopes, _figures, _clock, _logger) = (scopes, figures.ToList(), clock, logger);
        var meter = meters.Create(MeterName);
        foreach (var figure in _figures)
        {
            meter.CreateObservableGauge(figure.Name, () => _values.TryGetValue(figure.Name, out var value) ? [new Measurement<long>(value)] : Array.Empty<Measurement<long>>(), figure.Unit, figure.Description);
        }
    }

    /// <summary>Reads every figure now; the loop calls it, and tests do.</summary>
    public async Task Refresh(CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = _clock.GetUtcNow().UtcDateTime;
        foreach (var figure in _figures)
        {
            try
            {
                _values[figure.Name] = await figure.Read(db, now, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database away (EF Core wraps that in an InvalidOperationException, DatabaseAway tells it), a table
                // not migrated yet, or a bug in one figure: the others are still read, and none stops the node.
                _logger.LogWarning(e, "The figure {Figure} could not be read ({Cause}); it keeps its last value.", figure.Name, DatabaseAway.Is(e) ? "database away" : "error");
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, _clock);
        do
        {
            await Refresh(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
