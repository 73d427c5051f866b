using System.Globalization;
using System.Text;

namespace Tongban.Bench;

/// <summary>
/// Submissions per second through the real SubmitApplication use case, as a ratio to a bare ADO.NET
/// insert of the same rows, and the server-side time of an instant-approval decision at 100 concurrent
/// submissions. Usage: dotnet run -c Release --project bench/Tongban.Bench -- [submissions] [postgres connection string] [concurrency, 100];
/// with <c>queue</c> first, the workbench queue benchmark instead (see <see cref="QueueBench"/>).
/// </summary>
internal static class Benchmark
{
    public static async Task Main(string[] args)
    {
        // The app's content root (catalogue, settings) when hosted outside the test project; run from the repository root.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_TONGBAN", Path.GetFullPath(Path.Combine("src", "Tongban")));
        if (args is ["queue", ..])
        {
            await QueueBench.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000, args.Length > 2 ? args[2] : null);
            return;
        }

        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
        var postgres = args.Length > 1 ? args[1] : null;
        var concurrency = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100;

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"# Applications benchmark, {DateTime.UtcNow:yyyy-MM-dd}");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"`dotnet run -c Release --project bench/Tongban.Bench -- {count} [postgres]` on {Environment.ProcessorCount} cores; {count} elderly-allowance submissions, {concurrency} at a time, each judged by the published rules (秒批).");
        report.AppendLine();
        report.AppendLine("| database | Tongban submissions/s | bare ADO.NET inserts/s | ratio (target ≥ 0.5) | decision p50 ms | p95 ms | p99 ms (target ≤ 50) | bare ADO.NET p50 / p99 ms |");
        report.AppendLine("|---|---|---|---|---|---|---|---|");

        foreach (var (name, provider, connection) in new[] { ("SQLite", "sqlite", (string?)null), ("PostgreSQL", "postgres", postgres) })
        {
            if (provider == "postgres" && connection is null)
            {
                report.AppendLine("| PostgreSQL | not run: pass a connection string | | | | | | |");
                continue;
            }

            await using var run = await BenchRun.Start(provider, connection, count);
            var (tongbanRate, latencies) = await run.SubmitAll(concurrency);
            var (bareRate, bareLatencies) = await run.InsertBare(concurrency);
            static double P(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)(q * sorted.Count))];
            latencies.Sort();
            bareLatencies.Sort();
            var line = string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {tongbanRate:F0} | {bareRate:F0} | {tongbanRate / bareRate:F2} | {P(latencies, 0.50):F1} | {P(latencies, 0.95):F1} | {P(latencies, 0.99):F1} | {P(bareLatencies, 0.50):F1} / {P(bareLatencies, 0.99):F1} |");
            report.AppendLine(line);
            Console.WriteLine(line);
        }

        var folder = Path.Combine(Directory.GetCurrentDirectory(), "bench", "results");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"applications-{DateTime.UtcNow:yyyy-MM-dd}.md");
        if (File.Exists(file))
        {
            // Never overwrite a result (and the notes written under it) from earlier the same day.
            file = Path.Combine(folder, $"applications-{DateTime.UtcNow:yyyy-MM-dd-HHmm}.md");
        }

        await File.WriteAllTextAsync(file, report.ToString());
        Console.WriteLine(report);
        Console.WriteLine($"written to {file}");
    }
}
