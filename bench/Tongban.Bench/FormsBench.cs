using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Tongban.Bench;

/// <summary>
/// The pages people spend their time on, one question each, against the service page in the same run: showing a
/// question, answering it (each resident her own draft), and many answers to one draft at once (double clicks, two
/// tabs), over HTTPS to the published app pinned to one core with wrk on the other; and bare ADO.NET writing an
/// answer's rows (the draft and the funnel's step, one transaction each) on the same database.
/// Usage: … -- forms [seconds per round, 10] [postgres connection string, or -] [rounds, 3]
/// </summary>
internal static class FormsBench
{
    private const int Residents = 2000;
    private const int WarmUpSeconds = 15;
    private static readonly int[] Connections = [10, 50];

    public static async Task Run(int seconds, string? postgres, int rounds)
    {
        if (!File.Exists("/usr/bin/wrk") && !File.Exists("/usr/local/bin/wrk"))
        {
            throw new InvalidOperationException("wrk is needed: apt-get install wrk.");
        }

        await PublishedServer.Publish();
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"# Form pages benchmark, {DateTime.UtcNow:yyyy-MM-dd}");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"`dotnet run -c Release --project bench/Tongban.Bench -- forms {seconds} [postgres] {rounds}` on {Environment.ProcessorCount} cores: the published Release build in Production on HTTPS (loopback), pinned to core 0 (`taskset`), `wrk -t2 -d{seconds}s -s bench/forms.lua` pinned to core 1; {Residents} signed-in residents (cookies and antiforgery tokens made with the app's keys) each with an elderly-allowance draft. After an unmeasured {WarmUpSeconds} s warm-up, each measure {rounds} rounds at 10 and at 50 connections: the median round's requests/s (range), the worst round's p99 from the client. Every answer must be the redirect to the check page and every page a 200; server errors (5xx) are counted apart. Bare ADO.NET: for as long, the same connections each writing an answer's rows (the draft's answers, and the funnel's step) in one transaction, on SQLite taking turns on one semaphore as the app's writes do.");
        report.AppendLine();
        report.AppendLine("| database | measure | 10 connections: req/s (range) | p99 ms | 50 connections: req/s (range) | p99 ms | failures / 5xx |");
        report.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var (name, provider, connection) in new[] { ("SQLite", "sqlite", (string?)null), ("PostgreSQL", "postgres", postgres) })
        {
            if (provider == "postgres" && connection is null)
            {
                report.AppendLine("| PostgreSQL | not run: pass a connection string | | | | | |");
                continue;
            }

            if (provider == "sqlite" && postgres is not null && Environment.GetEnvironmentVariable("TONGBAN_BENCH_HOLD") is not null)
            {
                continue; // held for a profiler with a PostgreSQL connection string: PostgreSQL's server is the one held
            }

            foreach (var line in await Measure(name, provider, connection, seconds, rounds))
            {
                report.AppendLine(line);
                Console.WriteLine(line);
            }
        }

        Console.WriteLine(report);
        await Results.Write("forms", report);
    }

    private static async Task<List<string>> Measure(string name, string provider, string? postgres, int seconds, int rounds)
    {
        await using var run = await BenchRun.Start(provider, postgres, Residents);
        await using var server = await PublishedServer.Start(provider, run.Connection, core: 0);
        var idle = server.Memory().Now;
        var drafts = run.Drafts(0, Residents);
        var own = Path.Combine(Path.GetTempPath(), $"tongban-forms-{provider}-own.txt");
        await File.WriteAllLinesAsync(own, run.AnswerRequests(drafts));
        var one = Path.Combine(Path.GetTempPath(), $"tongban-forms-{provider}-one.txt");
        var first = run.AnswerRequests([drafts[0]]).Single();
        await File.WriteAllLinesAsync(one, [first, first]); // one line for each of wrk's two threads

        await WrkResult.Run("bench/forms.lua", own, 10, WarmUpSeconds, "question", core: 1);
        await WrkResult.Run("bench/forms.lua", own, 10, WarmUpSeconds, "answer", core: 1);
        if (Environment.GetEnvironmentVariable("TONGBAN_BENCH_HOLD") is { } hold)
        {
            // For a profiler: the warm server and its requests stay for as long, for wrk and perf run by hand.
            Console.WriteLine($"holding {hold} s: server {PublishedServer.Url} (pid {server.ProcessId}), requests {own}");
            await Task.Delay(TimeSpan.FromSeconds(int.Parse(hold, CultureInfo.InvariantCulture)));
        }

        var lines = new List<string>();
        var measured = new Dictionary<(string Mode, int Connections), WrkResult>();
        foreach (var (label, file, mode, key) in new[]
        {
            ("the service page (GET)", own, "service", "service"),
            ("a question page (GET)", own, "question", "question"),
            ("an answer (POST), each connection its own residents' drafts", own, "answer", "answer"),
            ("answers to one draft (POST) from every connection", one, "answer", "one"),
        })
        {
            var cells = new List<string>();
            var failures = 0;
            var serverErrors = 0;
            foreach (var connections in Connections)
            {
                var results = new List<WrkResult>();
                for (var r = 0; r < rounds; r++)
                {
                    results.Add(await WrkResult.Run("bench/forms.lua", file, connections, seconds, mode, core: 1));
                }

                var median = results.OrderBy(x => x.Rate).ElementAt(results.Count / 2);
                measured[(key, connections)] = median;
                failures += results.Sum(x => x.Failures + x.Errors);
                serverErrors += results.Sum(x => x.ServerErrors);
                cells.Add(string.Create(CultureInfo.InvariantCulture, $"{median.Rate:F0} ({results.Min(x => x.Rate):F0}–{results.Max(x => x.Rate):F0}) | {results.Max(x => x.P99):F1}"));
            }

            lines.Add($"| {name} | {label} | {string.Join(" | ", cells)} | {failures} / {serverErrors} |");
        }

        var bare = new List<string>();
        foreach (var connections in Connections)
        {
            var rates = new List<double>();
            for (var r = 0; r < rounds; r++)
            {
                rates.Add(await BareAnswers(provider, run.Connection, drafts, connections, seconds));
            }

            rates.Sort();
            bare.Add(string.Create(CultureInfo.InvariantCulture, $"{rates[rates.Count / 2]:F0} ({rates[0]:F0}–{rates[^1]:F0}) | –"));
            measured[("bare", connections)] = new WrkResult((int)rates[rates.Count / 2], 1, 0, 0, 0, 0, 0, 0);
        }

        run.CloseBareConnections();
        lines.Add($"| {name} | bare ADO.NET writes of an answer's rows | {string.Join(" | ", bare)} | – |");
        string Ratio(string of, string to) => string.Join(" / ", Connections.Select(c => (measured[(of, c)].Rate / measured[(to, c)].Rate).ToString("F2", CultureInfo.InvariantCulture)));
        lines.Add($"| {name} | **a question page ÷ the service page** (target ≥ 0.8), 10 / 50 | {Ratio("question", "service")} | | | | |");
        lines.Add($"| {name} | **answers ÷ bare writes** (PostgreSQL target ≥ 0.8), 10 / 50 | {Ratio("answer", "bare")} | | | | |");
        var (_, peak) = server.Memory();
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"| {name} | server memory, idle after start / peak, MB | {idle:F0} / {peak:F0} | | | | |"));
        File.Delete(own);
        File.Delete(one);
        return lines;
    }

    /// <summary>For <paramref name="seconds"/>, <paramref name="connections"/> writers each saving answers into drafts in turn: writes per second.</summary>
    private static async Task<double> BareAnswers(string provider, string connectionString, IReadOnlyList<(Guid Resident, Guid Draft)> drafts, int connections, int seconds)
    {
        using var turns = new SemaphoreSlim(1, 1);
        var answers = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["applicant.fullName"] = "王秀英", ["applicant.idNumber"] = "440304194005010024", ["applicant.dateOfBirth"] = "1940-05-01",
            ["applicant.residency"] = "hukou", ["applicant.address"] = "福田区福中三路1号", ["bank.accountNumber"] = "6222 0000 1111 2222",
        });
        var written = 0;
        var clock = Stopwatch.StartNew();
        var until = TimeSpan.FromSeconds(seconds);
        await Parallel.ForEachAsync(Enumerable.Range(0, connections), new ParallelOptions { MaxDegreeOfParallelism = connections }, async (worker, ct) =>
        {
            await using DbConnection connection = provider == "sqlite" ? new SqliteConnection(connectionString) : new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            for (var i = worker; clock.Elapsed < until; i += connections)
            {
                var draft = drafts[i % drafts.Count].Draft;
                if (provider == "sqlite")
                {
                    await turns.WaitAsync(ct);
                }

                try
                {
                    await using var transaction = await connection.BeginTransactionAsync(ct);
                    await using var update = connection.CreateCommand();
                    update.Transaction = transaction;
                    update.CommandText = """UPDATE "Drafts" SET "AnswersJson" = @answers, "UpdatedAt" = @now, "Revision" = "Revision" + 1 WHERE "Id" = @draft""";
                    Add(update, "answers", answers);
                    Add(update, "now", BenchRun.Stored(provider, DateTime.UtcNow));
                    Add(update, "draft", BenchRun.Stored(provider, draft));
                    await update.ExecuteNonQueryAsync(ct);
                    await using var funnel = connection.CreateCommand();
                    funnel.Transaction = transaction;
                    funnel.CommandText = """
                        INSERT INTO "FormEvents" ("FormKey", "Page", "Step", "Channel", "AgeBand", "District", "Language", "Needs", "At")
                        VALUES ('services/elderly-allowance', 'bank.accountNumber', 'Answered', 'Online', 'unknown', 'unknown', 'unknown', 'unknown', @now)
                        """;
                    Add(funnel, "now", BenchRun.Stored(provider, DateTime.UtcNow));
                    await funnel.ExecuteNonQueryAsync(ct);
                    await transaction.CommitAsync(ct);
                    Interlocked.Increment(ref written);
                }
                finally
                {
                    if (provider == "sqlite")
                    {
                        turns.Release();
                    }
                }
            }
        });
        return written / clock.Elapsed.TotalSeconds;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
