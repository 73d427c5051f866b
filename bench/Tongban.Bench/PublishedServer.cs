using System.Globalization;
using System.Diagnostics;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Tongban.Bench;

/// <summary>
/// The app as it is deployed: a Release publish, started as its own process in Production on HTTPS (its
/// cookies are Secure-only there, and antiforgery refuses plain HTTP), with a throw-away self-signed certificate.
/// </summary>
internal sealed class PublishedServer : IAsyncDisposable
{
    /// <summary>Port 5098, or <c>TONGBAN_BENCH_PORT</c>: two builds held side by side (before and after) each need their own.</summary>
    public static readonly string Url = $"https://127.0.0.1:{Environment.GetEnvironmentVariable("TONGBAN_BENCH_PORT") ?? "5098"}";
    private static readonly string Folder = Path.Combine(Directory.GetCurrentDirectory(), "bench", "out");

    /// <summary>A throw-away key for the audit log's tree heads, made once per run, shared by the in-process app and the published one.</summary>
    public static string AnchorKey => AnchorKeyFile.Value;

    private static readonly Lazy<string> AnchorKeyFile = new(() =>
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, "audit-anchor-key.pem");
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        File.WriteAllText(path, key.ExportPkcs8PrivateKeyPem());
        return path;
    });
    /// <summary>A folder with one throw-away e-certificate issuer key, made once per run.</summary>
    public static string IssuerKeys => IssuerKeysFolder.Value;

    private static readonly Lazy<string> IssuerKeysFolder = new(() =>
    {
        var folder = Path.Combine(Folder, "issuer-keys");
        Directory.CreateDirectory(folder);
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        File.WriteAllText(Path.Combine(folder, "issuer-0.pem"), key.ExportPkcs8PrivateKeyPem());
        return folder;
    });

    /// <summary>A folder with one throw-away partner API signing key, made once per run.</summary>
    public static string PartnerKeys => PartnerKeysFolder.Value;

    private static readonly Lazy<string> PartnerKeysFolder = new(() =>
    {
        var folder = Path.Combine(Folder, "partner-keys");
        Directory.CreateDirectory(folder);
        using var key = System.Security.Cryptography.RSA.Create(2048);
        File.WriteAllText(Path.Combine(folder, "partner-api-0.pem"), key.ExportPkcs8PrivateKeyPem());
        return folder;
    });

    private static string? _certificateHash;

    /// <summary>The certificate and its key as PEM, for a proxy that ends TLS in front of the app (<see cref="BenchProxy"/>).</summary>
    public static (string Certificate, string Key) CertificatePem { get; private set; }
    private readonly Process _process;

    private PublishedServer(Process process) => _process = process;

    public int ProcessId => _process.Id;

    /// <summary><c>dotnet publish -c Release</c> of the app, and a certificate for 127.0.0.1; once per benchmark.</summary>
    public static async Task Publish()
    {
        await Run("dotnet", $"publish src/Tongban -c Release -o {Path.Combine(Folder, "publish")}");
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        _certificateHash = certificate.GetCertHashString();
        await File.WriteAllBytesAsync(Path.Combine(Folder, "bench.pfx"), certificate.Export(X509ContentType.Pfx, "bench"));
        CertificatePem = (certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }

    /// <summary>
    /// Starts the published app on <paramref name="connection"/> (on <paramref name="core"/> alone, when given; with
    /// <paramref name="environment"/> added to its settings) and waits until it is ready.
    /// </summary>
    public static async Task<PublishedServer> Start(string provider, string connection, int? core = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var app = Path.Combine(Folder, "publish", "Tongban.dll");
        var start = Configured(core is { } c ? new ProcessStartInfo("taskset", $"-c {c} dotnet {app}") : new ProcessStartInfo("dotnet", app), provider, connection);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Log(e.Data);
        process.ErrorDataReceived += (_, e) => Log(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new PublishedServer(process);
        using var client = Client();
        for (var i = 0; i < 120; i++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The published app stopped at start (exit code {process.ExitCode}); see {Path.Combine(Folder, "server.log")}.");
            }

            try
            {
                if ((await client.GetAsync(new Uri($"{Url}/health/ready"))).IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(500);
        }

        await server.DisposeAsync();
        throw new TimeoutException("The published app was not ready within a minute.");
    }

    /// <summary>
    /// Runs the published app's <c>seed</c> command on <paramref name="connection"/> with the server's settings, and
    /// returns what it printed and how long it took.
    /// </summary>
    public static async Task<(string Output, TimeSpan Took)> Seed(string provider, string connection, int residents)
    {
        var start = Configured(new ProcessStartInfo("dotnet", $"{Path.Combine(Folder, "publish", "Tongban.dll")} seed --residents {residents} --seed 1"), provider, connection);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? (output, clock.Elapsed) : throw new InvalidOperationException($"seed failed ({process.ExitCode}):\n{output}\n{await errors}");
    }

    private static ProcessStartInfo Configured(ProcessStartInfo start, string provider, string connection)
    {
        start.WorkingDirectory = Path.Combine(Folder, "publish");
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = Url;
        start.Environment["Kestrel__Certificates__Default__Path"] = Path.Combine(Folder, "bench.pfx");
        start.Environment["Kestrel__Certificates__Default__Password"] = "bench";
        start.Environment["Database__Provider"] = provider;
        start.Environment["ConnectionStrings__Tongban"] = connection;
        start.Environment["Sms__Gateway__Url"] = "http://127.0.0.1:9/unused";
        start.Environment["DataProtection__UnencryptedKeys"] = "true";
        // The benchmark uploads nothing; its throw-away keys sign the audit heads.
        start.Environment["Files__Clamd__Disabled"] = "true";
        start.Environment["Audit__Anchor__KeyPath"] = AnchorKey;
        start.Environment["Certificates__KeysPath"] = IssuerKeys;
        start.Environment["Certificates__IssuerDomain"] = "localhost";
        start.Environment["Partners__Api__KeysPath"] = PartnerKeys;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // As in-process: delivering the notifications would compete with the submissions being measured.
        start.Environment["Jobs__Run"] = "false";
        return start;
    }

    /// <summary>An HTTP client that trusts the benchmark's own certificate, and only it.</summary>
    public static HttpClient Client() => new(new SocketsHttpHandler
    {
        SslOptions = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == _certificateHash,
        },
    });

    private static void Log(string? line)
    {
        if (line is not null)
        {
            lock (Folder)
            {
                File.AppendAllLines(Path.Combine(Folder, "server.log"), [line]);
            }
        }
    }

    /// <summary>Runs a command from the repository root and fails if it does.</summary>
    public static async Task<string> Run(string command, string arguments)
    {
        var start = new ProcessStartInfo(command, arguments) { RedirectStandardOutput = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {command}.");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{command} {arguments} failed ({process.ExitCode}):\n{output}");
    }

    /// <summary>The server's resident memory now and at its highest so far, in MB (Linux).</summary>
    public (double Now, double Peak) Memory()
    {
        var status = File.ReadAllLines($"/proc/{_process.Id}/status");
        double Kb(string field) => double.Parse(status.First(l => l.StartsWith(field, StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        return (Kb("VmRSS:"), Kb("VmHWM:"));
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
