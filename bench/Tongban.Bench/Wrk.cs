using System.Globalization;
using System.Text.RegularExpressions;

namespace Tongban.Bench;

/// <summary>What <c>bench/submit.lua</c> reports for one wrk run.</summary>
internal sealed record WrkResult(int Requests, double Seconds, double P50, double P95, double P99, int Failures, int Errors, int Exhausted)
{
    public double Rate => Requests / Seconds;

    /// <summary>Sends each line of <paramref name="requestsFile"/> once, <paramref name="connections"/> at a time, for <paramref name="seconds"/>.</summary>
    public static async Task<WrkResult> Run(string requestsFile, int connections, int seconds)
    {
        const int threads = 2;
        var output = await PublishedServer.Run("wrk",
            $"-t{threads} -c{connections} -d{seconds}s --timeout 10s -s bench/submit.lua {PublishedServer.Url} -- {requestsFile} {threads}");
        var line = Regex.Match(output, @"^bench (.*)$", RegexOptions.Multiline);
        if (!line.Success)
        {
            throw new InvalidOperationException($"wrk did not report:\n{output}");
        }

        var values = line.Groups[1].Value.Split(' ').Select(p => p.Split('=')).ToDictionary(p => p[0], p => double.Parse(p[1], CultureInfo.InvariantCulture));
        return new((int)values["requests"], values["seconds"], values["p50"], values["p95"], values["p99"],
            (int)values["failures"], (int)values["errors"], (int)values["exhausted"]);
    }
}
