using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Tongban.Applications;

/// <summary>
/// How long instant approval (秒批) takes, measured where it happens: the rules' decision for each case, and
/// the whole submission on the server (reading the draft, deciding, saving the cases and their messages).
/// Readable live with <c>dotnet-counters monitor -p PID --counters Tongban.Applications</c> or by any OpenTelemetry
/// exporter; the benchmark in <c>bench/</c> reads them too.
/// </summary>
public sealed class SubmissionMetrics
{
    public const string MeterName = "Tongban.Applications";
    public const string DecisionDuration = "tongban.applications.decision.duration";
    public const string SubmissionDuration = "tongban.applications.submission.duration";

    private readonly Histogram<double> _decision;
    private readonly Histogram<double> _submission;

    public SubmissionMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _decision = meter.CreateHistogram<double>(DecisionDuration, "s", "Time the published rules took to decide one case.");
        _submission = meter.CreateHistogram<double>(SubmissionDuration, "s", "Time the server took for one submission, from reading the draft to the saved cases.");
    }

    public void Decided(string service, bool approved, long startedAt) =>
        _decision.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds, new("service", service), new("outcome", approved ? "approved" : "to-officer"));

    public void Submitted(Channel channel, long startedAt) =>
        _submission.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds, new KeyValuePair<string, object?>("channel", channel.ToString()));
}
