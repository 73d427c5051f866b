using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Tongban.Tests.Cases;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Cluster;

/// <summary>
/// Two nodes behind nginx on one PostgreSQL, as deploy/cluster starts them: a resident's session, forms and limits
/// hold whichever node serves her; jobs run once; a node killed mid-load loses and doubles nothing acknowledged;
/// a restored backup holds every acknowledged case.
/// </summary>
[Trait("Suite", "Cluster")] // run once, in the PostgreSQL pass of CI: it starts its own PostgreSQL whatever the pass
public sealed class ClusterTests(Cluster cluster) : IClassFixture<Cluster>
{
    private const string Service = "senior-citizen-card";

    [Fact]
    public async Task SignedInOnOneNode_SheGoesOnOnTheOther_WithHerFormsAndHerLimits()
    {
        cluster.Required();
        var mobile = People.NewMobile();
        using var her = new ClusterBrowser(cluster);

        await cluster.Node(2, "stop"); // gracefully: from now on node 1 serves everything
        try
        {
            await her.SignIn(cluster, mobile);
            var token = await her.Token("/me/profile");

            await cluster.Node(2, "start");
            await cluster.Node(1, "stop");
            // Node 2 reads node 1's cookie and antiforgery token: the keys are in the database they share.
            var logBefore = cluster.AccessLog().Count;
            var (status, html, _) = await her.Post("/me/profile", new Dictionary<string, string>
            {
                ["Input.FullName"] = "李桂兰",
                ["Input.ContactChannel"] = "Sms",
                ["__RequestVerificationToken"] = token,
            });
            Assert.True(status == HttpStatusCode.Redirect, html);
            Assert.Contains("李桂兰", (await her.Get("/me")).Html, StringComparison.Ordinal);
            Assert.Contains(cluster.ServedBy(2), await cluster.Logged(logBefore, "POST /me/profile"), StringComparison.Ordinal);
            Assert.Contains(cluster.ServedBy(2), await cluster.Logged(logBefore, "GET /me"), StringComparison.Ordinal);
        }
        finally
        {
            await cluster.Node(1, "start"); // a node restarted takes traffic again
        }

        // A limit counted on one node holds on the other: the second code within a minute is refused there.
        using var phone = new ClusterBrowser(cluster);
        var another = People.NewMobile();
        var logBeforeFirst = cluster.AccessLog().Count;
        await phone.Submit("/sign-in", new Dictionary<string, string> { ["mobile"] = another });
        var first = await cluster.Logged(logBeforeFirst, "POST /sign-in");
        var firstNode = first.Contains(cluster.ServedBy(1), StringComparison.Ordinal) ? 1 : 2;
        await cluster.Node(firstNode, "stop");
        try
        {
            var logBeforeSecond = cluster.AccessLog().Count;
            var (_, refused, location) = await phone.Submit("/sign-in", new Dictionary<string, string> { ["mobile"] = another });
            Assert.Null(location);
            Assert.Contains("less than a minute ago", refused, StringComparison.Ordinal);
            Assert.Contains(cluster.ServedBy(3 - firstNode), await cluster.Logged(logBeforeSecond, "POST /sign-in"), StringComparison.Ordinal);
        }
        finally
        {
            await cluster.Node(firstNode, "start");
        }
    }

    [Fact]
    public async Task WithBothNodesRunningJobs_HerMessageIsSentOnce()
    {
        cluster.Required();
        var mobile = People.NewMobile();
        using var her = new ClusterBrowser(cluster);
        await her.SignIn(cluster, mobile);
        var reference = await Apply(her);
        var (status, _, _) = await her.Submit($"/cases/{reference}", new Dictionary<string, string> { ["Act"] = "Withdrawn" });
        Assert.Equal(HttpStatusCode.Redirect, status);

        // Both nodes look for due jobs every second; the notice that her case was withdrawn is claimed by one of them.
        var shown = Tongban.Cases.CaseReference.Display(Tongban.Cases.CaseReference.Normalize(reference)!);
        int About() => cluster.Messages().Count(m => m.To == "+86" + mobile && m.Text.Contains(shown, StringComparison.Ordinal));
        var waited = Stopwatch.StartNew();
        while (About() == 0 && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken); // several more polls of both nodes
        Assert.True(About() == 1, "her messages: " + string.Join(" | ", cluster.Messages().Where(m => m.To == "+86" + mobile).Select(m => m.Text)));
    }

    [Fact]
    public async Task ANodeKilledMidLoad_LosesNothingAcknowledged_AndDoublesNothing()
    {
        cluster.Required();
        var residents = await SignedIn(12);

        // Twelve residents fill in and send the form at once; once they are underway, node 1 dies (SIGKILL).
        // Each request the proxy could not complete is sent again, as a person presses again.
        var acknowledged = new ConcurrentDictionary<string, string>();
        await InRotation(1);
        var logBeforeLoad = cluster.AccessLog().Count;
        var load = residents.Select(r => Task.Run(async () => acknowledged[r.Mobile] = await Apply(r.Browser))).ToList();
        await Underway(logBeforeLoad, residents.Count, node: 1);
        var logBeforeKill = cluster.AccessLog().Count;
        await cluster.Node(1, "kill");
        try
        {
            await Task.WhenAll(load);
        }
        finally
        {
            await cluster.Node(1, "start");
            residents.ForEach(r => r.Browser.Dispose());
        }

        // The kill hit traffic: the proxy found node 1 gone and moved requests to node 2 (or answered 502, and the person sent again).
        var afterKill = cluster.AccessLog().Skip(logBeforeKill).ToList();
        Assert.Contains(afterKill, line => line.Contains(", 127.0.0.1:", StringComparison.Ordinal) || line.Contains(" 502 ", StringComparison.Ordinal));
        Assert.Equal(residents.Count, acknowledged.Count);
        await AssertEachCaseIsThereOnce(acknowledged);
    }

    [Fact]
    public async Task ANodeStoppedGracefullyMidLoad_FinishesWhatItHolds_AndNobodySeesAnError()
    {
        cluster.Required();
        var residents = (await SignedIn(8)).Select(r => r.Browser).ToList();

        // As an operator stops a node to upgrade it (SIGTERM): no request may fail, so nothing is sent again. Meanwhile
        // the node's readiness is watched as a load balancer would: it must go red before the node stops answering.
        await InRotation(1);
        var logBeforeLoad = cluster.AccessLog().Count;
        var load = residents.Select(r => Task.Run(() => Apply(r, again: false))).ToList();
        await Underway(logBeforeLoad, residents.Count, node: 1);
        var logBeforeStop = cluster.AccessLog().Count;
        using var watching = new CancellationTokenSource();
        var readiness = WatchReadiness(1, watching.Token);
        await cluster.Node(1, "stop");
        await watching.CancelAsync();
        var seen = await readiness;
        try
        {
            var references = await Task.WhenAll(load);
            Assert.All(references, r => Assert.Matches("^[0-9A-Z*~$=]{9}$", r));
        }
        finally
        {
            await cluster.Node(1, "start");
            residents.ForEach(r => r.Dispose());
        }

        Assert.DoesNotContain(cluster.AccessLog().Skip(logBeforeStop), line => line.Contains(" 502 ", StringComparison.Ordinal));
        Assert.Equal(["200", "503", "gone"], seen.Distinct());
    }

    [Fact]
    public async Task TheProxyRestartedMidLoad_LosesNothingAcknowledged_AndDoublesNothing()
    {
        cluster.Required();
        var residents = await SignedIn(8);

        // The proxy is restarted as a service manager does it: what it holds is cut. Each person whose page did not come
        // back presses again, and goes on from where she was.
        var acknowledged = new ConcurrentDictionary<string, string>();
        var logBeforeLoad = cluster.AccessLog().Count;
        var load = residents.Select(r => Task.Run(async () => acknowledged[r.Mobile] = await Apply(r.Browser))).ToList();
        await Underway(logBeforeLoad, residents.Count);
        await cluster.RestartProxy();
        try
        {
            await Task.WhenAll(load);
        }
        finally
        {
            residents.ForEach(r => r.Browser.Dispose());
        }

        Assert.Equal(residents.Count, acknowledged.Count);
        await AssertEachCaseIsThereOnce(acknowledged);
    }

    /// <summary>
    /// Waits until the load is underway (the proxy has logged two requests for each of the <paramref name="residents"/>,
    /// some of them answered by <paramref name="node"/>), so that a fault aimed at that node lands amid it: a fixed pause
    /// raced a load that a faster node had finished by then.
    /// </summary>
    private async Task Underway(int logBeforeLoad, int residents, int? node = null)
    {
        var log = await cluster.AccessLogOnce(log => log.Count >= logBeforeLoad + (2 * residents)
            && (node is null || log.Skip(logBeforeLoad).Any(line => line.Contains(cluster.ServedBy(node.Value), StringComparison.Ordinal))));
        Assert.True(log.Count >= logBeforeLoad + (2 * residents), "the load did not get underway within 30 s");
    }

    /// <summary>
    /// Waits until the proxy sends <paramref name="node"/> requests: nginx leaves a node it saw fail (in an earlier
    /// test's fault) aside for a few seconds, and a fault aimed at it then would hit no traffic.
    /// </summary>
    private async Task InRotation(int node)
    {
        using var probe = new ClusterBrowser(cluster);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            var before = cluster.AccessLog().Count;
            await probe.Get("/");
            if ((await cluster.Logged(before, "GET /")).Contains(cluster.ServedBy(node), StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"the proxy sent node {node} no request for 30 s");
    }

    /// <summary><paramref name="count"/> residents, each signed in through the proxy in her own browser.</summary>
    private async Task<List<(string Mobile, ClusterBrowser Browser)>> SignedIn(int count)
    {
        var residents = new List<(string Mobile, ClusterBrowser Browser)>();
        for (var i = 0; i < count; i++)
        {
            var browser = new ClusterBrowser(cluster);
            var mobile = People.NewMobile();
            await browser.SignIn(cluster, mobile);
            residents.Add((mobile, browser));
        }

        return residents;
    }

    /// <summary>Every case acknowledged to a resident (by mobile number) is in the database, and only once.</summary>
    private async Task AssertEachCaseIsThereOnce(IReadOnlyDictionary<string, string> acknowledged)
    {
        await using var db = cluster.Database();
        await db.OpenAsync(TestContext.Current.CancellationToken);
        foreach (var (mobile, reference) in acknowledged)
        {
            Assert.Equal([Tongban.Cases.CaseReference.Normalize(reference)!], await CasesOf(db, mobile));
        }
    }

    /// <summary>The node's own readiness, asked directly every 100 ms until cancelled: "200", "503", or "gone" once it no longer answers.</summary>
    private async Task<List<string>> WatchReadiness(int node, CancellationToken cancellationToken)
    {
        var seen = new List<string>();
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var url = new Uri($"http://127.0.0.1:{cluster.Setting($"NODE_{node}_PORT")}/health/ready");
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                using var answer = await client.GetAsync(url, CancellationToken.None);
                seen.Add(((int)answer.StatusCode).ToString(CultureInfo.InvariantCulture));
            }
            catch (HttpRequestException)
            {
                seen.Add("gone");
            }

            await Task.Delay(100, CancellationToken.None);
        }

        return seen;
    }

    [Fact]
    public async Task WhileTheDatabaseIsAway_ReadinessIsRed_ResidentsGetAClearPage_AndAfterwardsEverythingResumes()
    {
        cluster.Required();
        var mobile = People.NewMobile();
        using var her = new ClusterBrowser(cluster);
        await her.SignIn(cluster, mobile);
        using var health = new HttpClient();
        var ready = new Uri($"http://127.0.0.1:{cluster.Setting("NODE_1_PORT")}/health/ready");

        await cluster.PostgreSql("stop");
        try
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await health.GetAsync(ready, TestContext.Current.CancellationToken)).StatusCode);
            var (status, page, _) = await her.Get("/me");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Contains("Everything you saved is kept", page, StringComparison.Ordinal);
        }
        finally
        {
            await cluster.PostgreSql("start");
        }

        // Back by itself: readiness turns green, her session is still good, and she can apply.
        var waited = Stopwatch.StartNew();
        while ((await health.GetAsync(ready, TestContext.Current.CancellationToken)).StatusCode != HttpStatusCode.OK && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(500, TestContext.Current.CancellationToken);
        }

        var (_, me, _) = await Again(() => her.Get("/me"));
        Assert.Contains("My account", me, StringComparison.Ordinal);
        await using var db = cluster.Database();
        await db.OpenAsync(TestContext.Current.CancellationToken);
        Assert.Equal([Tongban.Cases.CaseReference.Normalize(await Apply(her))!], await CasesOf(db, mobile));
    }

    [Fact]
    public async Task EachNode_LogsJsonLines_AndShowsItsMetricsToItsScraperOnly()
    {
        cluster.Required();
        using var browser = new ClusterBrowser(cluster);
        Assert.Equal(HttpStatusCode.OK, (await browser.Get("/services")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.Get("/metrics")).Status); // never through the public proxy

        using var scraper = new HttpClient();
        using var scrape = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://127.0.0.1:{cluster.Setting("NODE_1_PORT")}/metrics"));
        scrape.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", cluster.Setting("METRICS_KEY"));
        using var metrics = await scraper.SendAsync(scrape, TestContext.Current.CancellationToken);
        var text = await metrics.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Contains("http_server_request_duration_seconds_count", text, StringComparison.Ordinal);
        Assert.Contains("db_client_", text, StringComparison.Ordinal); // Npgsql's own instruments
        Assert.Contains("tongban_jobs_waiting", text, StringComparison.Ordinal); // read from the database at start

        // One JSON object a line, for the log collector: the level, the category and the message as fields.
        var lines = File.ReadAllLines(Path.Combine(cluster.Folder, "logs", "node-1.log")).Where(l => l.Length > 0).ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, line =>
        {
            using var entry = System.Text.Json.JsonDocument.Parse(line);
            Assert.True(entry.RootElement.TryGetProperty("LogLevel", out _), line);
            Assert.True(entry.RootElement.TryGetProperty("Category", out _), line);
        });
    }

    [Fact]
    public async Task ABaseBackupTakenUnderLoad_AndTheArchive_RestoreEveryAcknowledgedCase()
    {
        cluster.Required();
        var acknowledged = new ConcurrentDictionary<string, string>();
        async Task Applications(int count)
        {
            await Task.WhenAll(Enumerable.Range(0, count).Select(async _ =>
            {
                using var browser = new ClusterBrowser(cluster);
                var mobile = People.NewMobile();
                await browser.SignIn(cluster, mobile);
                acknowledged[mobile] = await Apply(browser);
            }));
        }

        await Applications(3);
        // The base backup is taken while residents apply; what they send after it reaches the restore through the WAL archive.
        var during = Applications(3);
        await cluster.BackupAndDrill(async () =>
        {
            await during;
            await Applications(2);
        });

        await using var restored = cluster.Database("DRILL_PG_CONNECTION");
        await restored.OpenAsync(TestContext.Current.CancellationToken);
        foreach (var (mobile, reference) in acknowledged)
        {
            Assert.Equal([Tongban.Cases.CaseReference.Normalize(reference)!], await CasesOf(restored, mobile));
        }

        // A node started on the restored database serves the city.
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https"); // as the proxy would say
        var page = await http.GetAsync(new Uri($"http://127.0.0.1:{cluster.Setting("DRILL_NODE_PORT")}/services/{Service}"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    /// <summary>How the proxy's access log says a node answered a request: it is the last upstream the proxy tried.</summary>

    /// <summary>Fills in and sends the form, sending any request again that was answered 502 or 503 or dropped; returns the case's reference.</summary>
    private static async Task<string> Apply(ClusterBrowser browser, bool again = true)
    {
        Task<(HttpStatusCode Status, string Html, Uri? Location)> Again(Func<Task<(HttpStatusCode Status, string Html, Uri? Location)>> request) =>
            again ? ClusterTests.Again(request) : Once(request);

        var (status, html, location) = await Again(() => browser.Get($"/services/{Service}/apply"));
        for (var i = 0; i < 20 && status == HttpStatusCode.Redirect && !location!.OriginalString.EndsWith("/check", StringComparison.Ordinal); i++)
        {
            var page = location.OriginalString;
            var question = page[(page.LastIndexOf('/') + 1)..];
            (status, html, location) = await Again(() => browser.Submit(page, Applying.Fields(CaseWorkflowTests.TooYoungForTheCard[question])));
        }

        Assert.True(status == HttpStatusCode.Redirect, html);
        var check = location!.OriginalString;
        // Sending is posted again as it was, as a browser resends a form whose answer never came: the same draft, once.
        var (_, checkPage, _) = await Again(() => browser.Get(check));
        var send = PageForm.Fields(checkPage, new Dictionary<string, string>(), check);
        var (_, _, done) = await Again(() => browser.Post(check, send));
        var (_, confirmation, _) = await Again(() => browser.Get(done!.OriginalString));
        return Applying.CaseReferenceOn(confirmation);
    }

    private static async Task<(HttpStatusCode Status, string Html, Uri? Location)> Once(Func<Task<(HttpStatusCode Status, string Html, Uri? Location)>> request)
    {
        var answer = await request();
        Assert.True(answer.Status is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{(int)answer.Status}: {answer.Html}");
        return answer;
    }

    /// <summary>
    /// Sends again, as a person presses again, while the answer is 502 or 503 or the connection is refused or cut: for up
    /// to 30 s, since a proxy restarting on a loaded machine once stayed away longer than the 2 s this used to allow.
    /// </summary>
    private static async Task<(HttpStatusCode Status, string Html, Uri? Location)> Again(Func<Task<(HttpStatusCode Status, string Html, Uri? Location)>> request)
    {
        var patience = Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            var last = patience.Elapsed > TimeSpan.FromSeconds(30);
            try
            {
                var answer = await request();
                if (answer.Status is not (HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable) || last)
                {
                    return answer;
                }
            }
            catch (HttpRequestException) when (!last)
            {
            }

            await Task.Delay(Math.Min(200 * attempt, 1000), TestContext.Current.CancellationToken);
        }
    }

    private static async Task<List<string>> CasesOf(Npgsql.NpgsqlConnection db, string mobile)
    {
        await using var query = new Npgsql.NpgsqlCommand("SELECT c.\"Reference\" FROM \"Cases\" c JOIN \"Residents\" r ON r.\"Id\" = c.\"ResidentId\" WHERE r.\"MobileNumber\" = @mobile", db);
        query.Parameters.AddWithValue("mobile", "+86" + mobile);
        var references = new List<string>();
        await using var reader = await query.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            references.Add(reader.GetString(0));
        }

        return references;
    }
}
