using System.Globalization;
using System.Text.RegularExpressions;

namespace Tongban.Bench;

/// <summary>What <c>bench/submit.lua</c> or <c>bench/forms.lua</c> reports for one wrk run.</summary>
internal sealed record WrkResult(int Requests, double Seconds, double P50, double P95, double P99, int Failures, int Errors, int Exhausted, int ServerErrors = 0)
{
    public double Rate => Requests / Seconds;

    /// <summary>Sends each line of <paramref name="requestsFile"/> once, <paramref name="connections"/> at a time, for <paramref name="seconds"/>.</summary>
    public static Task<WrkResult> Run(string requestsFile, int connections, int seconds) => Run("bench/submit.lua", requestsFile, connections, seconds, "");

    /// <summary>
    /// Runs <paramref name="script"/> with the lines of <paramref name="requestsFile"/> and <paramref name="arguments"/>;
    /// on <paramref name="core"/> alone when given (the server pinned to another).
    /// </summary>
    public static async Task<WrkResult> Run(string script, string requestsFile, int connections, int seconds, string arguments, int? core = null)
    {
        const int threads = 2;
        var wrk = $"-t{threads} -c{connections} -d{seconds}s --timeout 10s -s {script} {PublishedServer.Url} -- {requestsFile} {threads} {arguments}";
        var output = core is { } c ? await PublishedServer.Run("taskset", $"-c {c} wrk {wrk}") : await PublishedServer.Run("wrk", wrk);
        var line = Regex.Match(output, @"^bench (.*)$", RegexOptions.Multiline);
        if (!line.Success)
        {
            throw new InvalidOperationException($"wrk did not report:\n{output}");
        }

        var values = line.Groups[1].Value.Split(' ').Select(p => p.Split('=')).ToDictionary(p => p[0], p => double.Parse(p[1], CultureInfo.InvariantCulture));
        return new((int)values["requests"], values["seconds"], values["p50"], values["p95"], values["p99"],
            (int)values["failures"], (int)values["errors"], (int)values.GetValueOrDefault("exhausted"), (int)values.GetValueOrDefault("servererrors"));
    }
}
