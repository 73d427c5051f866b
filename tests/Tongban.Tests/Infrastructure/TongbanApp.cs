using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Tongban.Tests.Infrastructure;

/// <summary>
/// The real app, started the way it starts in production (migrations, catalogue import), on its own
/// private database. Use as a class fixture; settings may be added before the first request.
/// </summary>
public class TongbanApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase? _database;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("The fixture has not been initialised.");

    /// <summary>Extra configuration for this instance (for example Catalogue:Path).</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    public virtual async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = Database.Provider,
            ["ConnectionStrings:Tongban"] = Database.ConnectionString,
        }.Concat(Settings)));
    }

    /// <summary>A scope to reach the database the way the app does: <c>scope.ServiceProvider.GetRequiredService&lt;AppDbContext&gt;()</c>.</summary>
    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    /// <summary>Starts a real Kestrel server (for the browser) and returns its base address.</summary>
    public Uri StartRealServer()
    {
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
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
