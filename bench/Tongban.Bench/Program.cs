using System.Globalization;
using System.Text;

namespace Tongban.Bench;

/// <summary>
/// Submissions per second through the real SubmitApplication use case, as a ratio to a bare ADO.NET
/// insert of the same rows, and the server-side time of an instant-approval decision at 100 concurrent
/// submissions. Usage: dotnet run -c Release --project bench/Tongban.Bench -- [submissions per round, 2000] [postgres connection string, or - for none] [concurrency, 100] [rounds, 3];
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
            await QueueBench.Run(Arg(args, 1, 100_000), args.Length > 2 ? args[2] : null);
            return;
        }

        if (args is ["insights", ..])
        {
            await InsightsBench.Run(Arg(args, 1, 200_000), Postgres(args, 2));
            return;
        }

        if (args is ["entitlements", ..])
        {
            await EntitlementsBench.Run(Arg(args, 1, 1_000_000), Postgres(args, 2));
            return;
        }

        if (args is ["forms", ..])
        {
            await FormsBench.Run(Arg(args, 1, 10), Postgres(args, 2), Arg(args, 3, 3));
            return;
        }

        if (args is ["memory", ..])
        {
            await MemoryBench.Run(Arg(args, 1, 30), Postgres(args, 2));
            return;
        }

        if (args is ["http", ..])
        {
            await HttpBench.Run(Arg(args, 1, 10), Postgres(args, 2), Arg(args, 3, 100), Arg(args, 4, 3), Arg(args, 5, 20000), proxied: args is [.., "proxied"]);
            return;
        }

        var count = Arg(args, 0, 2000);
        var postgres = Postgres(args, 1);
        var concurrency = Arg(args, 2, 100);
        var rounds = Arg(args, 3, 3);
        // One submission at a time shows the server's own time for a decision, without waiting behind others.
        var alone = Math.Max(100, count / 4);

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"# Applications benchmark, {DateTime.UtcNow:yyyy-MM-dd}");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"`dotnet run -c Release --project bench/Tongban.Bench -- {count} [postgres] {concurrency} {rounds}` on {Environment.ProcessorCount} cores: {rounds} rounds of {count} elderly-allowance submissions, {concurrency} at a time, each judged by the published rules (秒批), each round followed by the bare ADO.NET writes of the same rows, after an unmeasured warm-up round of {alone}; then {alone} one at a time. Rates and ratio: the median round (each round's ratio in brackets); times: every submission of every round, measured around the use case on the server (reading the draft, the rules' decision, saving the cases and messages), and the rules' own time as the app records it (`tongban.applications.decision.duration`).");
        report.AppendLine();
        report.AppendLine("| database | at a time | Tongban submissions/s | bare ADO.NET inserts/s | ratio (target ≥ 0.5) | submission p50 ms | p95 ms | p99 ms (target ≤ 50) | the rules' decision alone, p99 ms | bare ADO.NET p50 / p99 ms |");
        report.AppendLine("|---|---|---|---|---|---|---|---|---|---|");

        foreach (var (name, provider, connection) in new[] { ("SQLite", "sqlite", (string?)null), ("PostgreSQL", "postgres", postgres) })
        {
            if (provider == "postgres" && connection is null)
            {
                report.AppendLine("| PostgreSQL | not run: pass a connection string | | | | | | | | |");
                continue;
            }

            await using var run = await BenchRun.Start(provider, connection, (count * rounds) + (2 * alone));
            // Unmeasured: until the JIT has compiled both paths' hot code with optimisations, the first is slower.
            await Round.Measure(run, run.Drafts(0, alone), concurrency);
            var results = new List<Round>();
            for (var r = 0; r < rounds; r++)
            {
                results.Add(await Round.Measure(run, run.Drafts(alone + (r * count), count), concurrency));
            }

            var one = await Round.Measure(run, run.Drafts(alone + (rounds * count), alone), 1);
            foreach (var line in new[] { Round.Line(name, concurrency, results), Round.Line(name, 1, [one]) })
            {
                report.AppendLine(line);
                Console.WriteLine(line);
            }
        }

        Console.WriteLine(report);
        await Results.Write("applications", report);
    }

    private static int Arg(string[] args, int index, int otherwise) => args.Length > index && args[index] != "proxied" ? int.Parse(args[index], CultureInfo.InvariantCulture) : otherwise;

    /// <summary>The PostgreSQL connection string at <paramref name="index"/>, or null when it is missing or "-".</summary>
    private static string? Postgres(string[] args, int index) => args.Length > index && args[index] != "-" ? args[index] : null;
}
