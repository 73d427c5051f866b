using System.Diagnostics.Tracing;
using System.Globalization;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Tongban.Applications;
using Tongban.Platform.Data;

namespace Tongban.Bench;

/// <summary>
/// The published server's own measurements of instant approval (<see cref="SubmissionMetrics"/>) and of SQLite's
/// write turns (<see cref="SqliteWriteGate"/>), read the way
/// dotnet-counters reads them: an EventPipe session on the server process asks .NET's metrics EventSource to
/// publish each histogram's p50/p95/p99 every second. A round's figure is the worst second's, so a short slow
/// spell is not averaged away.
/// </summary>
internal sealed class ServerMetrics : IDisposable
{
    private const string Provider = "System.Diagnostics.Metrics";
    private static readonly string[] Meters = [SubmissionMetrics.MeterName, SqliteWriteGate.MeterName];
    private readonly EventPipeSession _session;
    private readonly EventPipeEventSource _source;
    private readonly Task _reading;
    private readonly List<(string Instrument, double P50, double P99, int Count)> _seconds = [];

    private ServerMetrics(EventPipeSession session)
    {
        _session = session;
        _source = new EventPipeEventSource(session.EventStream);
        _source.Dynamic.All += Published;
        _reading = Task.Run(() => _source.Process());
    }

    public static ServerMetrics Watch(int processId)
    {
        var arguments = new Dictionary<string, string>
        {
            ["SessionId"] = Guid.NewGuid().ToString("N"),
            ["Metrics"] = string.Join(',', Meters),
            ["RefreshInterval"] = "1",
            ["MaxTimeSeries"] = "100",
            ["MaxHistograms"] = "20",
        };
        var session = new DiagnosticsClient(processId).StartEventPipeSession(
            [new EventPipeProvider(Provider, EventLevel.Informational, keywords: 0x3, arguments)], requestRundown: false);
        return new ServerMetrics(session);
    }

    /// <summary>The worst second's p50 and p99 in milliseconds of each instrument since the last call, and how many it measured.</summary>
    public async Task<IReadOnlyDictionary<string, (double P50, double P99, int Count)>> Take()
    {
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // the last second is published a moment after it ends
        lock (_seconds)
        {
            var worst = _seconds.GroupBy(s => s.Instrument).ToDictionary(
                g => g.Key, g => (g.Max(s => s.P50), g.Max(s => s.P99), g.Sum(s => s.Count)));
            _seconds.Clear();
            return worst;
        }
    }

    private void Published(TraceEvent e)
    {
        if (e.ProviderName != Provider || e.EventName != "HistogramValuePublished" || !Meters.Contains((string)e.PayloadByName("meterName")))
        {
            return;
        }

        var count = Convert.ToInt32(e.PayloadByName("count") ?? 0, CultureInfo.InvariantCulture);
        if (count == 0)
        {
            return;
        }

        // "0.5=0.0001;0.95=0.0002;0.99=0.0003", in the instrument's unit: seconds shown as milliseconds, counts (a
        // group commit's size) as they are.
        var scale = (string?)e.PayloadByName("unit") == "s" ? 1000 : 1;
        var quantiles = ((string)e.PayloadByName("quantiles")).Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(q => q.Split('='))
            .ToDictionary(q => q[0], q => double.Parse(q[1], CultureInfo.InvariantCulture) * scale);
        lock (_seconds)
        {
            _seconds.Add(((string)e.PayloadByName("instrumentName"), quantiles["0.5"], quantiles["0.99"], count));
        }
    }

    public void Dispose()
    {
        _session.Stop();
        _reading.Wait(TimeSpan.FromSeconds(5));
        _source.Dispose();
        _session.Dispose();
    }
}
