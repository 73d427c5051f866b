using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;

namespace Tongban.Bench;

/// <summary>
/// The inclusion observatory at scale: the published app's <c>seed</c> command fills a fresh database with a synthetic
/// city (5 applications per resident, so 200,000 residents make about 1,000,000 cases), then the published server
/// answers each insights page 100 times after 5 warm-ups. Usage: … -- insights [residents, 200000] [postgres connection string, or -]
/// </summary>
internal static class InsightsBench
{
    private static readonly string[] Pages =
    [
        "/insights",
        "/insights/online-take-up?by=age",
        "/insights/form-completion?by=disability",
        "/insights/approval-rate?by=age&cross=district",
        "/insights/data",
        "/insights/data/datapackage.json",
        "/insights/data/approval-rate.csv",
    ];

    public static async Task Run(int residents, string? postgres)
    {
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"# Inclusion observatory benchmark, {DateTime.UtcNow:yyyy-MM-dd}");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"`dotnet run -c Release --project bench/Tongban.Bench -- insights {residents} [postgres]` on {Environment.ProcessorCount} cores: the published app's `seed --residents {residents} --seed 1` on a fresh database, then each page requested 100 times one after another over HTTPS from the published server (Production), after 5 unmeasured requests.");
        report.AppendLine();
        report.AppendLine("| database | what | result |");
        report.AppendLine("|---|---|---|");
        await PublishedServer.Publish();
        foreach (var (name, provider) in new[] { ("SQLite", "sqlite"), ("PostgreSQL", "postgres") })
        {
            var connection = provider == "sqlite" ? FreshSqlite() : postgres is null ? null : await FreshPostgres(postgres);
            if (connection is null)
            {
                report.AppendLine("| PostgreSQL | not run: pass a connection string | |");
                continue;
            }

            var (output, took) = await PublishedServer.Seed(provider, connection, residents);
            var summary = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault(l => l.StartsWith("Seeded", StringComparison.Ordinal)) ?? output;
            report.AppendLine(CultureInfo.InvariantCulture, $"| {name} | seed, whole command ({took:mm\\:ss}) | {summary} |");
            Console.WriteLine($"{name}: {summary}");
            await using var server = await PublishedServer.Start(provider, connection);
            using var client = PublishedServer.Client();
            foreach (var page in Pages)
            {
                var times = new List<double>();
                for (var i = 0; i < 105; i++)
                {
                    var clock = Stopwatch.StartNew();
                    using var response = await client.GetAsync(new Uri(PublishedServer.Url + page));
                    await response.Content.ReadAsByteArrayAsync();
                    response.EnsureSuccessStatusCode();
                    if (i >= 5)
                    {
                        times.Add(clock.Elapsed.TotalMilliseconds);
                    }
                }

                times.Sort();
                var line = string.Create(CultureInfo.InvariantCulture, $"p50 {times[49]:0} ms, p99 {times[98]:0} ms, max {times[^1]:0} ms");
                report.AppendLine(CultureInfo.InvariantCulture, $"| {name} | `{page}` | {line} |");
                Console.WriteLine($"{name} {page}: {line}");
            }
        }

        var path = Path.Combine("bench", "results", $"insights-{DateTime.UtcNow:yyyy-MM-dd}.md");
        await File.WriteAllTextAsync(path, report.ToString());
        Console.WriteLine($"Written to {path}");
    }

    private static string FreshSqlite()
    {
        var file = Path.GetFullPath(Path.Combine("bench", "out", "insights.db"));
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(file + suffix);
        }

        return $"Data Source={file}";
    }

    private static async Task<string> FreshPostgres(string connection)
    {
        var admin = new NpgsqlConnectionStringBuilder(connection) { Database = "postgres" };
        await using (var db = new NpgsqlConnection(admin.ConnectionString))
        {
            await db.OpenAsync();
            await using var drop = new NpgsqlCommand("DROP DATABASE IF EXISTS tongban_insights_bench WITH (FORCE)", db);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand("CREATE DATABASE tongban_insights_bench", db);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(connection) { Database = "tongban_insights_bench" }.ConnectionString;
    }
}
