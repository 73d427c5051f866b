using System.Diagnostics;
using System.Text.Json;
using Npgsql;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Cluster;

/// <summary>
/// Tongban as deploy/cluster runs it: PostgreSQL, two nodes in Production mode and nginx ending TLS, all real
/// processes on the loopback. The app is the one these tests were built with, published without building again.
/// Without PostgreSQL's server, nginx, openssl, python3 or curl, the tests skip (and fail in CI, which installs them).
/// </summary>
public sealed class Cluster : IAsyncLifetime
{
    private readonly Dictionary<string, string> _settings = new(StringComparer.Ordinal);
    private string? _missing;

    public string Folder { get; } = Directory.CreateTempSubdirectory("tongban-cluster-").FullName;

    public Uri Proxy => new(Setting("PROXY_URL"));

    public string Setting(string name) => _settings[name];

    public async ValueTask InitializeAsync()
    {
        _missing = Missing();
        if (_missing is not null)
        {
            return;
        }

#if DEBUG
        const string Configuration = "Debug";
#else
        const string Configuration = "Release";
#endif
        var app = Path.Combine(Folder, "app");
        await Run("dotnet", ["publish", Path.Combine(Checkout.Root, "src", "Tongban"), "--no-build", "-c", Configuration, "-o", app, "--nologo", "-v", "quiet"], TimeSpan.FromMinutes(3));
        await Run(Script, ["start", Folder, "--nodes", "2", "--app", app], TimeSpan.FromMinutes(4), ("JOBS_POLL_SECONDS", "1"));
        Read();
    }

    /// <summary>Skips the test (or fails it in CI) when a part of the cluster is not installed here.</summary>
    public void Required()
    {
        if (_missing is not null)
        {
            Assert.SkipWhen(Environment.GetEnvironmentVariable("CI") != "true", _missing);
            Assert.Fail(_missing);
        }
    }

    /// <summary><c>deploy/cluster node DIR I stop|kill|start</c>.</summary>
    public Task Node(int index, string action) => Run(Script, ["node", Folder, $"{index}", action], TimeSpan.FromMinutes(2));

    /// <summary><c>deploy/cluster proxy DIR restart</c>: the proxy cut (SIGTERM) and started again.</summary>
    public Task RestartProxy() => Run(Script, ["proxy", Folder, "restart"], TimeSpan.FromMinutes(1));

    /// <summary><c>deploy/cluster db DIR stop|start</c>: PostgreSQL away, and back.</summary>
    public Task PostgreSql(string action) => Run(Script, ["db", Folder, action], TimeSpan.FromMinutes(1));

    /// <summary><c>deploy/cluster backup</c>, then <c>drill</c>: a base backup now, restored with the archive into a new PostgreSQL.</summary>
    public async Task BackupAndDrill(Func<Task> meanwhile)
    {
        await Run(Script, ["backup", Folder], TimeSpan.FromMinutes(2));
        await meanwhile();
        await Run(Script, ["drill", Folder], TimeSpan.FromMinutes(3));
        Read();
    }

    /// <summary>The text messages the stand-in gateway took, oldest first.</summary>
    public IReadOnlyList<(string To, string Text)> Messages() =>
        File.ReadAllLines(Setting("SMS_FILE"))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Select(m => (m.GetProperty("to").GetString()!, m.GetProperty("text").GetString()!))
            .ToList();

    /// <summary>The proxy's access log: which node served each request.</summary>
    public IReadOnlyList<string> AccessLog() => File.ReadAllLines(Path.Combine(Folder, "logs", "nginx-access.log"));

    /// <summary>
    /// The proxy's access log once <paramref name="done"/> holds for it (or after 30 s). nginx writes a request's line
    /// only after its answer has gone out, so a test that reads the log just after a request can be a moment early.
    /// </summary>
    public async Task<IReadOnlyList<string>> AccessLogOnce(Func<IReadOnlyList<string>, bool> done)
    {
        var clock = Stopwatch.StartNew();
        var log = AccessLog();
        while (!done(log) && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
            log = AccessLog();
        }

        return log;
    }

    /// <summary>The line of the first <paramref name="request"/> (such as <c>POST /sign-in</c>) the proxy logged after its first <paramref name="skip"/> lines.</summary>
    public async Task<string> Logged(int skip, string request)
    {
        bool Of(string line) => line.Contains($"\"{request} ", StringComparison.Ordinal);
        var log = await AccessLogOnce(log => log.Skip(skip).Any(Of));
        return Assert.Single(log.Skip(skip).Where(Of).Take(1));
    }

    /// <summary>How the proxy's access log names a request that <paramref name="node"/> answered.</summary>
    public string ServedBy(int node) => $"127.0.0.1:{Setting($"NODE_{node}_PORT")} upstream_status=";

    /// <summary>A connection of the test's own to the cluster's database, unpooled: a pooled one would not survive a drill that restarts PostgreSQL.</summary>
    public NpgsqlConnection Database(string setting = "PG_CONNECTION") => new(new NpgsqlConnectionStringBuilder(Setting(setting)) { Pooling = false }.ConnectionString);

    public async ValueTask DisposeAsync()
    {
        if (Environment.GetEnvironmentVariable("TONGBAN_TEST_KEEP_CLUSTER") == "true")
        {
            return; // to look into it afterwards: deploy/cluster stop DIR
        }

        if (_missing is null)
        {
            await Run(Script, ["stop", Folder], TimeSpan.FromMinutes(2));
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Files PostgreSQL's user made may stay; a temp folder left behind is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string Script => Path.Combine(Checkout.Root, "deploy", "cluster");

    private void Read()
    {
        foreach (var line in File.ReadAllLines(Path.Combine(Folder, "cluster.env")))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            _settings[line[..equals]] = line[(equals + 1)..];
        }
    }

    private static string? Missing()
    {
        var postgres = Directory.Exists("/usr/lib/postgresql") && Directory.EnumerateFiles("/usr/lib/postgresql", "initdb", SearchOption.AllDirectories).Any();
        var missing = new[] { ("postgresql", postgres), ("nginx", OnPath("nginx")), ("openssl", OnPath("openssl")), ("python3", OnPath("python3")), ("curl", OnPath("curl")) }
            .Where(t => !t.Item2).Select(t => t.Item1).ToList();
        return missing.Count == 0 ? null : $"The cluster tests need {string.Join(", ", missing)} (apt-get install postgresql nginx openssl python3 curl; .ci/run installs them).";
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Append("/usr/sbin").Any(folder => File.Exists(Path.Combine(folder, tool)));

    private static async Task Run(string program, string[] arguments, TimeSpan patience, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(patience);
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)} exited {process.ExitCode}: {await output}{await errors}");
    }
}
