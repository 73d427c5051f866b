using System.Globalization;

namespace Tongban.Bench;

/// <summary>One round: the drafts sent through Tongban, then the same rows written bare, at the same concurrency.</summary>
internal sealed record Round(double TongbanRate, double BareRate, List<double> Milliseconds, List<double> DecisionMilliseconds, List<double> BareMilliseconds)
{
    public double Ratio => TongbanRate / BareRate;

    public static async Task<Round> Measure(BenchRun run, IReadOnlyList<(Guid Resident, Guid Draft)> drafts, int concurrency)
    {
        var (rate, latencies, decisions) = await run.SubmitAll(drafts, concurrency);
        var (bareRate, bareLatencies) = await run.InsertBare(drafts, concurrency);
        return new(rate, bareRate, latencies, decisions, bareLatencies);
    }

    /// <summary>A table row: the median round's rates and ratio (every round's ratio beside it), percentiles over all rounds.</summary>
    public static string Line(string database, int concurrency, IReadOnlyList<Round> rounds)
    {
        var median = rounds.OrderBy(r => r.Ratio).ElementAt(rounds.Count / 2);
        var times = rounds.SelectMany(r => r.Milliseconds).Order().ToList();
        var rules = rounds.SelectMany(r => r.DecisionMilliseconds).Order().ToList();
        var bare = rounds.SelectMany(r => r.BareMilliseconds).Order().ToList();
        var ratios = rounds.Count > 1 ? $" ({string.Join(", ", rounds.Select(r => r.Ratio.ToString("F2", CultureInfo.InvariantCulture)))})" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"| {database} | {concurrency} | {median.TongbanRate:F0} | {median.BareRate:F0} | {median.Ratio:F2}{ratios} | {P(times, 0.50):F1} | {P(times, 0.95):F1} | {P(times, 0.99):F1} | {P(rules, 0.99):F3} | {P(bare, 0.50):F1} / {P(bare, 0.99):F1} |");
    }

    public static double P(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)(q * sorted.Count))];
}
