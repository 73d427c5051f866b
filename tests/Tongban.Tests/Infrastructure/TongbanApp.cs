using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Tongban.Tests.Infrastructure;

/// <summary>
/// The real app, started the way it starts in production (migrations, catalogue import), on its own
/// private database. Use as a class fixture; settings may be added before the first request.
/// </summary>
public class TongbanApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase? _database;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("The fixture has not been initialised.");

    /// <summary>
    /// Extra configuration for this instance (for example Catalogue:Path). The job loop is off: tests run due jobs by
    /// hand. No memory is given back when quiet (ADR 0040): many apps share the test process, and one app's collection
    /// of the whole process would pause the others' timed tests.
    /// </summary>
    public Dictionary<string, string?> Settings { get; } = new() { ["Jobs:Run"] = "false", ["Memory:GiveBackWhenQuiet"] = "false" };

    /// <summary>The hosting environment; Development by default, as the README's run command uses.</summary>
    public string Environment { get; init; } = "Development";

    /// <summary>When set, the app's clock: tests move time forward instead of waiting.</summary>
    public FakeTimeProvider? Clock { get; init; }

    /// <summary>Replaces or adds services after the app's own, for the fakes a test needs.</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    public virtual async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, RemoteAddressFromHeader>());
        builder.ConfigureTestServices(ConfigureTestServices);
        if (Clock is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }

        // UseSetting, not ConfigureAppConfiguration: Program reads the database settings while building,
        // before configuration sources added by the factory would be seen.
        builder.UseSetting("Database:Provider", Database.Provider);
        builder.UseSetting("ConnectionStrings:Tongban", Database.ConnectionString);
        if (Environment != "Development" && !Settings.ContainsKey("DataProtection:Certificate:Path"))
        {
            builder.UseSetting("DataProtection:Certificate:Path", TestCertificate.PfxPath);
            builder.UseSetting("DataProtection:Certificate:Password", TestCertificate.Password);
        }

        // Uploads go through a real ClamAV daemon where one runs (CI starts one); elsewhere production's scanner is turned off explicitly.
        if (Clamd.Socket is { } clamd)
        {
            builder.UseSetting("Files:Clamd:Socket", clamd);
        }
        else if (Environment != "Development")
        {
            builder.UseSetting("Files:Clamd:Disabled", "true");
        }

        // Each app publishes its own audit log's heads, as each has its own database; the anchor key is shared.
        builder.UseSetting("Audit:Anchor:KeyPath", TestCertificate.AnchorKeyPath);
        builder.UseSetting("Audit:Anchor:PublishPath", PublishedHeadsPath);
        builder.UseSetting("Certificates:KeysPath", IssuerKeysPath);
        builder.UseSetting("Certificates:IssuerDomain", "localhost");
        builder.UseSetting("Partners:Api:KeysPath", TestCertificate.PartnerKeysPath);
        builder.UseSetting("Partners:Webhooks:AllowLocal", "true"); // the tests' receivers listen on plain HTTP on this machine
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>This app's folder of e-certificate issuer keys, with one key in it: a test may rotate it without touching another app's.</summary>
    public string IssuerKeysPath { get; } = TestCertificate.NewIssuerKeysFolder();

    /// <summary>Where this app appends the audit log's signed heads (outside its database, as in production).</summary>
    public string PublishedHeadsPath { get; } = Path.Combine(Directory.CreateTempSubdirectory("tongban-heads-").FullName, "audit-tree-heads.jsonl");

    /// <summary>Anchors every audit record made so far under a new signed head, as the minutely job would, and publishes it.</summary>
    public async Task AnchorAuditTrail()
    {
        await using var scope = Scope();
        var anchor = scope.ServiceProvider.GetRequiredService<Tongban.Platform.Audit.Anchor.AnchorAuditTrail>();
        await anchor.Run("log", TestContext.Current.CancellationToken);
    }

    /// <summary>A scope to reach the database the way the app does: <c>scope.ServiceProvider.GetRequiredService&lt;AppDbContext&gt;()</c>.</summary>
    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    private readonly Lock _serverLock = new();
    private Uri? _serverAddress;

    /// <summary>Starts a real Kestrel server on a free port (for the browser), once, and returns its base address.</summary>
    public Uri StartRealServer()
    {
        lock (_serverLock)
        {
            if (_serverAddress is null)
            {
                UseKestrel(0);
                StartServer();
                var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
                _serverAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
            }

            return _serverAddress;
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
