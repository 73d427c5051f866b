using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tongban.Applications;
using Tongban.Platform.Telemetry;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Platform.Telemetry;

/// <summary>The Prometheus scrape address: standard instruments and Tongban's own figures, only for whoever holds the key.</summary>
public sealed partial class MetricsEndpointTests(MetricsEndpointTests.App app) : IClassFixture<MetricsEndpointTests.App>
{
    private const string Key = "test-metrics-key-0123456789";

    public sealed class App : TongbanAppWithClock
    {
        public App() => Settings["Telemetry:Metrics:Key"] = Key;
    }

    [Fact]
    public async Task WithItsKey_PrometheusReadsRequestsRuntimeJobsQueuesAndBreaches()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = app.CreateClient();
        await client.GetAsync(new Uri("/services", UriKind.Relative), ct);
        var figures = app.Services.GetServices<IHostedService>().OfType<OperationsFigures>().Single();
        await figures.Refresh(ct);

        var (status, text) = await ScrapeUntil(client, "http_server_request_duration_seconds_bucket", ct);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("http_server_request_duration_seconds_bucket", text, StringComparison.Ordinal);
        Assert.Contains("dotnet_gc_collections_total", text, StringComparison.Ordinal);
        foreach (var figure in new[] { "tongban_jobs_waiting", "tongban_jobs_failing", "tongban_notifications_pending", "tongban_cases_past_time_limit" })
        {
            Assert.Matches($"(?m)^{figure}(_[a-z]+)?\\{{[^}}]*\\}} [0-9]+", text);
        }
    }

    /// <summary>
    /// Scrapes, asking for a page between scrapes, until the text holds <paramref name="expected"/> (as Prometheus would
    /// see it at a later scrape), for up to 30 s: the server records a request's duration when it disposes of the request,
    /// which the test client may see answered a moment before, and the exporter serves the same scrape for a moment.
    /// 5 s once ran out on a loaded CI machine.
    /// </summary>
    private static async Task<(HttpStatusCode Status, string Text)> ScrapeUntil(HttpClient client, string expected, CancellationToken ct)
    {
        var (status, text) = await Scrape(client, ct);
        for (var tries = 0; tries < 300 && !text.Contains(expected, StringComparison.Ordinal); tries++)
        {
            await Task.Delay(100, ct);
            await client.GetAsync(new Uri("/services", UriKind.Relative), ct);
            (status, text) = await Scrape(client, ct);
        }

        return (status, text);
    }

    private static async Task<(HttpStatusCode Status, string Text)> Scrape(HttpClient client, CancellationToken ct)
    {
        using var scrape = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        scrape.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        using var response = await client.SendAsync(scrape, ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(ct));
    }

    [Fact]
    public async Task TheDashboardAndTheAlertRules_NameOnlyMetricsThatExist()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = app.CreateClient();
        var (_, scraped) = await ScrapeUntil(client, "http_server_request_duration_seconds_count", ct);

        // Tongban's own instruments, as Prometheus names them ('.' becomes '_'), from the source; the others from a scrape
        // (histograms of Tongban's that nothing has measured yet are not in a scrape).
        var source = string.Concat(Directory.EnumerateFiles(Path.Combine(Checkout.Root, "src", "Tongban"), "*.cs", SearchOption.AllDirectories).Select(File.ReadAllText));
        var instruments = InstrumentName().Matches(source).Select(m => m.Groups[1].Value.Replace('.', '_')).ToHashSet(StringComparer.Ordinal);
        foreach (var file in new[] { "grafana-dashboard.json", "prometheus-alerts.yml" })
        {
            var text = await File.ReadAllTextAsync(Path.Combine(Checkout.Root, "deploy", file), ct);
            var named = MetricName().Matches(text).Select(m => m.Value).Distinct().ToList();
            Assert.NotEmpty(named);
            foreach (var metric in named)
            {
                var instrument = Suffix().Replace(metric, "");
                Assert.True(instrument.StartsWith("tongban_", StringComparison.Ordinal) ? instruments.Contains(instrument) : scraped.Contains(metric, StringComparison.Ordinal), $"{file} names {metric}, which nothing measures");
            }
        }
    }

    [Fact]
    public async Task DecisionsKeepASeriesForEveryService_AMetricWithFewTagsKeepsAHundred_AndCountsTheRestAsOverflow()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = app.CreateClient();
        var decisions = app.Services.GetRequiredService<SubmissionMetrics>();
        using var meter = new Meter("Tongban.Tests.TagSets"); // "Tongban.*" is listened to, as Tongban's own meters are
        var few = meter.CreateCounter<long>("tongban.tests.tag_sets");
        for (var i = 0; i < 150; i++)
        {
            decisions.Decided($"TAGSET-{i:D3}", approved: true, Stopwatch.GetTimestamp());
            few.Add(1, new KeyValuePair<string, object?>("kind", $"kind-{i:D3}"));
        }

        var (_, text) = await ScrapeUntil(client, "TAGSET-149", ct);
        var services = Regex.Matches(text, "tongban_applications_decision_duration_seconds_count\\{[^}]*service=\"(TAGSET-[0-9]+)\"")
            .Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(150, services.Count);
        var kinds = Regex.Matches(text, "(?m)^tongban_tests_tag_sets_total\\{[^}]*\\}").Select(m => m.Value).ToList();
        Assert.Equal(TelemetrySetup.FewTagSets, kinds.Count(k => k.Contains("kind=", StringComparison.Ordinal)));
        Assert.Matches("(?m)^tongban_tests_tag_sets_total\\{[^}]*otel_metric_overflow=\"true\"[^}]*\\} 50", text);
    }

    [GeneratedRegex("\"(tongban\\.[a-z_.]+)\"")]
    private static partial Regex InstrumentName();

    [GeneratedRegex("\\b(tongban|http_server|dotnet)_[a-z_]+(?=[{\\[])")]
    private static partial Regex MetricName();

    [GeneratedRegex("(_seconds)?(_bucket|_count|_sum|_total)?$")]
    private static partial Regex Suffix();

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer not-the-key-at-all-0000000")]
    [InlineData("Basic " + Key)]
    public async Task WithoutItsKey_TheAddressDoesNotExist(string? authorization)
    {
        using var scrape = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        if (authorization is not null)
        {
            scrape.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await app.CreateClient().SendAsync(scrape, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("tongban_", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
