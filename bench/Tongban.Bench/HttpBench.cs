using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Applications;
using Tongban.Platform.Data;

namespace Tongban.Bench;

/// <summary>
/// Submissions over HTTP to the published app, loaded with wrk: every request is a different signed-in
/// resident sending her finished elderly-allowance draft from the check page (antiforgery, cookie,
/// stamp check, the use case, the funnel, the redirect). Each round is compared with bare ADO.NET writing
/// the same rows at the same concurrency on the same database right after it.
/// With <c>proxied</c> last, through nginx as deploy/ configures it (TLS ended there, plain HTTP to the app).
/// Usage: … -- http [seconds per round, 10] [postgres connection string, or -] [connections, 100] [rounds, 3] [drafts per round, 8000] [proxied]
/// </summary>
internal static class HttpBench
{
    /// <summary>Under this load the JIT keeps compiling (tiering up) for about 15 s after start (dotnet-counters); rounds measure the steady state.</summary>
    private const int WarmUpSeconds = 15;

    public static async Task Run(int seconds, string? postgres, int connections, int rounds, int perRound, bool proxied)
    {
        if (!File.Exists("/usr/bin/wrk") && !File.Exists("/usr/local/bin/wrk"))
        {
            throw new InvalidOperationException("wrk is needed: apt-get install wrk.");
        }

        await PublishedServer.Publish();
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"# Applications benchmark over HTTP{(proxied ? ", through nginx" : "")}, {DateTime.UtcNow:yyyy-MM-dd}");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"`dotnet run -c Release --project bench/Tongban.Bench -- http {seconds} [postgres] {connections} {rounds} {perRound}{(proxied ? " proxied" : "")}` on {Environment.ProcessorCount} cores: the published Release build in Production {(proxied ? "behind nginx (deploy/nginx.conf: TLS ended there, its access log written, plain HTTP over kept-alive connections to the app)" : "on HTTPS")} (loopback), `wrk -t2 -c{connections} -d{seconds}s -s bench/submit.lua` on the same machine; every request a different signed-in resident sending her elderly-allowance draft (approved at once by the rules), checked to answer with the redirect to her confirmation and to make exactly one case. After an unmeasured warm-up round of {WarmUpSeconds} s (the JIT's tiering settles), {rounds} rounds, each followed by bare ADO.NET writing the same rows (as in the in-process benchmark) for as many submissions as the round made, {connections} at a time: as they come, and on SQLite also taking turns on one semaphore as Tongban's writes do there (ADR 0015), so that a baseline sleeping on a busy database does not flatter the app; the ratio is to the faster of the two. Rate and ratio: the median round (each round's ratio in brackets); latency: as wrk measures it from the client, worst round; on the server: the app's own histograms (`tongban.applications.decision.duration`, the rules deciding one case; `…submission.duration`, the use case from reading the draft to the saved cases; `tongban.data.group_commit.size`, the items written in one commit), read live over EventPipe as dotnet-counters does, the worst second of all rounds.");
        report.AppendLine();
        report.AppendLine("| database | connections | Tongban submissions/s over HTTP | bare ADO.NET inserts/s, as they come | bare, taking turns | ratio to the faster bare (target ≥ 0.5; on PostgreSQL through the proxy ≥ 0.8) | ratio to bare as they come, each round | p50 ms | p95 ms | p99 ms | faster bare p50 / p99 ms | decision p99 ms on the server | submission p99 ms on the server | submissions per commit, worst second's p99 |");
        report.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (name, provider, connection) in new[] { ("SQLite", "sqlite", (string?)null), ("PostgreSQL", "postgres", postgres) })
        {
            if (provider == "postgres" && connection is null)
            {
                report.AppendLine("| PostgreSQL | not run: pass a connection string | | | | | | | | | | | | |");
                continue;
            }

            var line = await Measure(name, provider, connection, seconds, connections, rounds, perRound, proxied);
            report.AppendLine(line);
            Console.WriteLine(line);
        }

        Console.WriteLine(report);
        await Results.Write(proxied ? "applications-proxied" : "applications-http", report);
    }

    private static async Task<string> Measure(string name, string provider, string? postgres, int seconds, int connections, int rounds, int perRound, bool proxied)
    {
        await using var run = await BenchRun.Start(provider, postgres, perRound * (rounds + 1));
        await using var proxy = proxied ? await BenchProxy.Start(PublishedServer.CertificatePem.Certificate, PublishedServer.CertificatePem.Key) : null;
        await using var server = await PublishedServer.Start(provider, run.Connection, environment: proxied ? BenchProxy.NodeSettings : null);
        using var metrics = ServerMetrics.Watch(server.ProcessId);
        var results = new List<(WrkResult Http, BareWrites AsTheyCome, BareWrites? TakingTurns, IReadOnlyDictionary<string, (double P50, double P99, int Count)> Server)>();
        for (var r = 0; r <= rounds; r++)
        {
            var drafts = run.Drafts(r * perRound, perRound);
            var file = Path.Combine(Path.GetTempPath(), $"tongban-bench-{provider}-{r}.txt");
            await File.WriteAllLinesAsync(file, run.SendRequests(drafts));
            var before = await Cases(run);
            await metrics.Take();
            var http = await WrkResult.Run(file, connections, r == 0 ? WarmUpSeconds : seconds);
            File.Delete(file);
            var made = await Cases(run) - before;
            // wrk counts what was answered within the time; up to one request per connection was still in flight.
            if (http.Failures > 0 || http.Errors > 0 || http.Exhausted > 0 || made < http.Requests || made > http.Requests + connections)
            {
                throw new InvalidOperationException($"{name} round {r}: {http} made {made} cases; every request should make one case (exhausted: give more drafts per round).");
            }

            var onServer = await metrics.Take();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} round {r}: {http.Rate:F0}/s over HTTP, p99 {http.P99:F1} ms; on the server (ms, or items per commit): {string.Join(", ", onServer.Select(m => $"{m.Key} p50 {m.Value.P50:F3}, p99 {m.Value.P99:F3} ({m.Value.Count})"))}"));
            if (r > 0)
            {
                var sent = drafts.Take(http.Requests).ToList();
                var comeAsTheyCome = await run.InsertBare(sent, connections);
                // On SQLite also with the app's own remedy for its single writer, so the app is not flattered by a
                // baseline that sleeps on a busy database where the app waits its turn.
                var takingTurns = provider == "sqlite" ? await run.InsertBare(sent, connections, takeTurns: true) : null;
                run.CloseBareConnections();
                results.Add((http, comeAsTheyCome, takingTurns, onServer));
            }
        }

        // The ratio that counts is to the faster of the bare writes in each round.
        var measured = results.Select(x => (x.Http, Faster: x.TakingTurns is { } t && t.Rate > x.AsTheyCome.Rate ? t : x.AsTheyCome, x.AsTheyCome, x.TakingTurns)).ToList();
        var median = measured.OrderBy(x => x.Http.Rate / x.Faster.Rate).ElementAt(measured.Count / 2);
        var ratios = string.Join(", ", measured.Select(x => (x.Http.Rate / x.Faster.Rate).ToString("F2", CultureInfo.InvariantCulture)));
        var asTheyCome = string.Join(", ", measured.Select(x => (x.Http.Rate / x.AsTheyCome.Rate).ToString("F2", CultureInfo.InvariantCulture)));
        var bareTimes = measured.SelectMany(x => x.Faster.Milliseconds).Order().ToList();
        var turns = median.TakingTurns is { } taking ? taking.Rate.ToString("F0", CultureInfo.InvariantCulture) : "–";
        return string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {connections} | {median.Http.Rate:F0} | {median.AsTheyCome.Rate:F0} | {turns} | **{median.Http.Rate / median.Faster.Rate:F2}** ({ratios}) | {asTheyCome} | {results.Max(x => x.Http.P50):F1} | {results.Max(x => x.Http.P95):F1} | {results.Max(x => x.Http.P99):F1} | {Round.P(bareTimes, 0.50):F1} / {Round.P(bareTimes, 0.99):F1} | {Worst(results.Select(x => x.Server), SubmissionMetrics.DecisionDuration)} | {Worst(results.Select(x => x.Server), SubmissionMetrics.SubmissionDuration)} | {Worst(results.Select(x => x.Server), GroupCommit<object, object>.BatchSize)} |");
    }

    /// <summary>The worst second's p99 of an instrument over all rounds, in ms.</summary>
    private static string Worst(IEnumerable<IReadOnlyDictionary<string, (double P50, double P99, int Count)>> rounds, string instrument) =>
        rounds.Select(r => r.TryGetValue(instrument, out var m) ? m.P99 : double.NaN).Max().ToString("F3", CultureInfo.InvariantCulture);

    private static async Task<int> Cases(BenchRun run)
    {
        await using var scope = run.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Cases.CountAsync();
    }
}
