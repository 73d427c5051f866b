using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Platform.Data;

namespace Tongban.Bench;

/// <summary>
/// Submissions over HTTP to the published app, loaded with wrk: every request is a different signed-in
/// resident sending her finished elderly-allowance draft from the check page (antiforgery, cookie,
/// stamp check, the use case, the funnel, the redirect). Each round is compared with bare ADO.NET writing
/// the same rows at the same concurrency on the same database right after it.
/// Usage: … -- http [seconds per round, 10] [postgres connection string, or -] [connections, 100] [rounds, 3] [drafts per round, 8000]
/// </summary>
internal static class HttpBench
{
    public static async Task Run(int seconds, string? postgres, int connections, int rounds, int perRound)
    {
        if (!File.Exists("/usr/bin/wrk") && !File.Exists("/usr/local/bin/wrk"))
        {
            throw new InvalidOperationException("wrk is needed: apt-get install wrk.");
        }

        await PublishedServer.Publish();
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"# Applications benchmark over HTTP, {DateTime.UtcNow:yyyy-MM-dd}");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"`dotnet run -c Release --project bench/Tongban.Bench -- http {seconds} [postgres] {connections} {rounds} {perRound}` on {Environment.ProcessorCount} cores: the published Release build in Production on HTTPS (loopback), `wrk -t2 -c{connections} -d{seconds}s -s bench/submit.lua` on the same machine; every request a different signed-in resident sending her elderly-allowance draft (approved at once by the rules), checked to answer with the redirect to her confirmation and to make exactly one case. After an unmeasured warm-up round, {rounds} rounds, each followed by bare ADO.NET writing the same rows (as in the in-process benchmark) for as many submissions as the round made, {connections} at a time. Rate and ratio: the median round (each round's ratio in brackets); latency: as wrk measures it from the client, worst round.");
        report.AppendLine();
        report.AppendLine("| database | connections | Tongban submissions/s over HTTP | bare ADO.NET inserts/s | ratio (target ≥ 0.5) | p50 ms | p95 ms | p99 ms | bare ADO.NET p50 / p99 ms |");
        report.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var (name, provider, connection) in new[] { ("SQLite", "sqlite", (string?)null), ("PostgreSQL", "postgres", postgres) })
        {
            if (provider == "postgres" && connection is null)
            {
                report.AppendLine("| PostgreSQL | not run: pass a connection string | | | | | | | |");
                continue;
            }

            var line = await Measure(name, provider, connection, seconds, connections, rounds, perRound);
            report.AppendLine(line);
            Console.WriteLine(line);
        }

        Console.WriteLine(report);
        await Results.Write("applications-http", report);
    }

    private static async Task<string> Measure(string name, string provider, string? postgres, int seconds, int connections, int rounds, int perRound)
    {
        await using var run = await BenchRun.Start(provider, postgres, perRound * (rounds + 1));
        await using var server = await PublishedServer.Start(provider, run.Connection);
        var results = new List<(WrkResult Http, double BareRate, List<double> Bare)>();
        for (var r = 0; r <= rounds; r++)
        {
            var drafts = run.Drafts(r * perRound, perRound);
            var file = Path.Combine(Path.GetTempPath(), $"tongban-bench-{provider}-{r}.txt");
            await File.WriteAllLinesAsync(file, run.SendRequests(drafts));
            var before = await Cases(run);
            var http = await WrkResult.Run(file, connections, r == 0 ? Math.Min(5, seconds) : seconds);
            File.Delete(file);
            var made = await Cases(run) - before;
            // wrk counts what was answered within the time; up to one request per connection was still in flight.
            if (http.Failures > 0 || http.Errors > 0 || http.Exhausted > 0 || made < http.Requests || made > http.Requests + connections)
            {
                throw new InvalidOperationException($"{name} round {r}: {http} made {made} cases; every request should make one case (exhausted: give more drafts per round).");
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} round {r}: {http.Rate:F0}/s over HTTP, p99 {http.P99:F1} ms"));
            if (r > 0)
            {
                var (bareRate, bare) = await run.InsertBare(drafts.Take(http.Requests).ToList(), connections);
                run.CloseBareConnections();
                results.Add((http, bareRate, bare));
            }
        }

        var median = results.OrderBy(x => x.Http.Rate / x.BareRate).ElementAt(results.Count / 2);
        var ratios = string.Join(", ", results.Select(x => (x.Http.Rate / x.BareRate).ToString("F2", CultureInfo.InvariantCulture)));
        var bareTimes = results.SelectMany(x => x.Bare).Order().ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {connections} | {median.Http.Rate:F0} | {median.BareRate:F0} | {median.Http.Rate / median.BareRate:F2} ({ratios}) | {results.Max(x => x.Http.P50):F1} | {results.Max(x => x.Http.P95):F1} | {results.Max(x => x.Http.P99):F1} | {Round.P(bareTimes, 0.50):F1} / {Round.P(bareTimes, 0.99):F1} |");
    }

    private static async Task<int> Cases(BenchRun run)
    {
        await using var scope = run.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Cases.CountAsync();
    }
}
