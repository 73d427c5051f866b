namespace Tongban.Bench;

/// <summary>
/// nginx in front of the published app as deploy/ puts it there: deploy/nginx.conf, filled in as deploy/cluster fills
/// it, ends TLS on <see cref="PublishedServer.Url"/>'s port and passes the requests over plain HTTP to one node on
/// <see cref="NodeUrl"/>, which believes the proxy's forwarded headers (ReverseProxy:KnownProxies).
/// </summary>
internal sealed class BenchProxy : IAsyncDisposable
{
    public const string NodeUrl = "http://127.0.0.1:5099";
    private static readonly string Folder = Path.Combine(Directory.GetCurrentDirectory(), "bench", "out", "nginx");
    private static readonly string Config = Path.Combine(Folder, "nginx", "nginx.conf");

    private BenchProxy()
    {
    }

    /// <summary>What the node needs to sit behind the proxy: plain HTTP on the loopback, and the proxy believed.</summary>
    public static IReadOnlyDictionary<string, string> NodeSettings { get; } = new Dictionary<string, string>
    {
        ["ASPNETCORE_URLS"] = NodeUrl,
        ["ReverseProxy__KnownProxies__0"] = "127.0.0.1",
    };

    /// <summary>Starts nginx with the benchmark's certificate (<paramref name="certificatePem"/>, <paramref name="keyPem"/>).</summary>
    public static async Task<BenchProxy> Start(string certificatePem, string keyPem)
    {
        foreach (var folder in new[] { "keys", "logs", "run", "nginx/tmp" })
        {
            Directory.CreateDirectory(Path.Combine(Folder, folder));
        }

        await File.WriteAllTextAsync(Path.Combine(Folder, "keys", "tls.crt"), certificatePem);
        await File.WriteAllTextAsync(Path.Combine(Folder, "keys", "tls.key"), keyPem);
        var port = new Uri(PublishedServer.Url).Port;
        var servers = $"        server {new Uri(NodeUrl).Authority} max_fails=1 fail_timeout=5s;\n";
        // nginx will not keep root for its workers: as root (CI, this machine) they run as nobody, as deploy/cluster does.
        var user = Environment.UserName == "root" ? "user nobody nogroup;" : "";
        if (user.Length > 0 && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(Folder, "nginx", "tmp"), (UnixFileMode)0x1FF);
        }

        var template = await File.ReadAllTextAsync(Path.Combine("deploy", "nginx.conf"));
        await File.WriteAllTextAsync(Config, template
            .Replace("@DIR@", Folder, StringComparison.Ordinal)
            .Replace("@PORT@", port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("@USER@", user, StringComparison.Ordinal)
            .Replace("@SERVERS@\n", servers, StringComparison.Ordinal));
        await PublishedServer.Run(Nginx, Arguments(""));
        return new BenchProxy();
    }

    public async ValueTask DisposeAsync()
    {
        await PublishedServer.Run(Nginx, Arguments("-s stop"));
        for (var i = 0; i < 50 && File.Exists(Path.Combine(Folder, "run", "nginx.pid")); i++)
        {
            await Task.Delay(100);
        }
    }

    private static string Nginx => File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";

    private static string Arguments(string more) =>
        $"-p {Path.Combine(Folder, "nginx")} -c {Config} -e {Path.Combine(Folder, "logs", "nginx-error.log")} {more}".Trim();

}
