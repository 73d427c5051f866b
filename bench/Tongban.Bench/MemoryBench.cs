using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Tongban.Bench;

/// <summary>
/// How much memory a node holds, idle and under load, and what it serves meanwhile: the published app started in
/// Production on HTTPS, its resident set size (RSS) read after it has idled, at its peak while signed-in residents
/// browse the portal, search, open question pages and answer them, and after it has idled again; for the settings it
/// ships with and for the runtime's defaults for a web app (server GC, tiered PGO), in the same run.
/// Usage: … -- memory [seconds per load, 30] [postgres connection string, or -]
/// </summary>
internal static class MemoryBench
{
    private const int Residents = 2000;
    private const int Connections = 50;
    private const int IdleSeconds = 20;

    // What the runtime would do for an ASP.NET Core app without the project's own settings (Tongban.csproj).
    private static readonly (string Name, Dictionary<string, string> Environment)[] Variants =
    [
        ("as shipped (Tongban.csproj)", []),
        ("as shipped, but quick JIT on (the runtime's default)", new() { ["DOTNET_TC_QuickJit"] = "1" }),
        ("as shipped, but memory not given back when quiet", new() { ["Memory__GiveBackWhenQuiet"] = "false" }),
        ("as shipped, but tiered PGO on", new() { ["DOTNET_TieredPGO"] = "1" }),
        ("runtime defaults for a web app: server GC, tiered PGO", new() { ["DOTNET_gcServer"] = "1", ["DOTNET_TieredPGO"] = "1" }),
    ];

    public static async Task Run(int seconds, string? postgres)
    {
        if (!File.Exists("/usr/bin/wrk") && !File.Exists("/usr/local/bin/wrk"))
        {
            throw new InvalidOperationException("wrk is needed: apt-get install wrk.");
        }

        await PublishedServer.Publish();
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"# Memory benchmark, {DateTime.UtcNow:yyyy-MM-dd}");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"`dotnet run -c Release --project bench/Tongban.Bench -- memory {seconds} [postgres]` on {Environment.ProcessorCount} cores: the published Release build in Production on HTTPS (loopback), jobs running, {Residents} signed-in residents each with a draft. Resident set size (RSS, MB, from /proc) after {IdleSeconds} s idle from start; then `wrk -t2 -c{Connections} -d{seconds}s -s bench/forms.lua` three times in a row: the portal as a signed-in resident browses it (every catalogue page, her own pages, and every third request a search never seen before, in Chinese and English), question pages, answers (each resident her own draft); the peak RSS over the three (VmHWM); RSS after {IdleSeconds} s idle again. Requests/s are each load's own, failures and 5xx counted over all.");
        report.AppendLine();
        report.AppendLine("| database | settings | idle MB | peak under load MB | idle after load MB | portal req/s | question pages req/s | answers req/s | failures / 5xx |");
        report.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var (name, provider, connection) in new[] { ("SQLite", "sqlite", (string?)null), ("PostgreSQL", "postgres", postgres) })
        {
            if (provider == "postgres" && connection is null)
            {
                report.AppendLine("| PostgreSQL | not run: pass a connection string | | | | | | | |");
                continue;
            }

            foreach (var (settings, environment) in Variants)
            {
                var line = await Measure(name, provider, connection, settings, environment, seconds);
                report.AppendLine(line);
                Console.WriteLine(line);
            }
        }

        Console.WriteLine(report);
        await Results.Write("memory", report);
    }

    private static async Task<string> Measure(string name, string provider, string? postgres, string settings, Dictionary<string, string> environment, int seconds)
    {
        await using var run = await BenchRun.Start(provider, postgres, Residents);
        environment = new Dictionary<string, string>(environment) { ["Jobs__Run"] = "true" };
        await using var server = await PublishedServer.Start(provider, run.Connection, environment: environment);
        await Task.Delay(TimeSpan.FromSeconds(IdleSeconds));
        var idle = server.Memory().Now;
        var requests = Path.Combine(Path.GetTempPath(), $"tongban-memory-{provider}.txt");
        await File.WriteAllLinesAsync(requests, run.AnswerRequests(run.Drafts(0, Residents)));
        var portal = await WrkResult.Run("bench/forms.lua", requests, Connections, seconds, $"portal {string.Join(',', PortalPages())}");
        var questions = await WrkResult.Run("bench/forms.lua", requests, Connections, seconds, "question");
        var answers = await WrkResult.Run("bench/forms.lua", requests, Connections, seconds, "answer");
        var peak = server.Memory().Peak;
        await Task.Delay(TimeSpan.FromSeconds(IdleSeconds));
        var after = server.Memory().Now;
        File.Delete(requests);
        WrkResult[] all = [portal, questions, answers];
        return string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {settings} | {idle:F0} | {peak:F0} | {after:F0} | {portal.Rate:F0} | {questions.Rate:F0} | {answers.Rate:F0} | {all.Sum(r => r.Failures + r.Errors)} / {all.Sum(r => r.ServerErrors)} |");
    }

    /// <summary>Every page of the catalogue (its services and life events from <c>catalogue/</c>) and a resident's own pages.</summary>
    private static IEnumerable<string> PortalPages()
    {
        yield return "/";
        yield return "/services";
        yield return "/life-events";
        yield return "/halls";
        yield return "/me";
        yield return "/me/applications";
        foreach (var file in Directory.EnumerateFiles(Path.Combine("catalogue", "services"), "*.json"))
        {
            foreach (var code in Codes(file, "services"))
            {
                yield return $"/services/{code}";
            }
        }

        foreach (var code in Codes(Path.Combine("catalogue", "life-events.json"), "lifeEvents"))
        {
            yield return $"/life-events/{code}";
        }
    }

    private static List<string> Codes(string file, string list)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        return [.. json.RootElement.GetProperty(list).EnumerateArray().Select(item => item.GetProperty("code").GetString()!)];
    }
}
