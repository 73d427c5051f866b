using Microsoft.EntityFrameworkCore;

namespace Tongban.Platform.Data;

public static class DatabaseSetup
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary>
    /// On SQLite every pooled context holds an open handle with its statements (about 0.5 MB, ADR 0038), and EF Core's
    /// pool never shrinks: after a burst, at most this many stay (EF Core's default is 1,024); beyond it a request's
    /// context is made and let go.
    /// </summary>
    public const int SqliteContextsKept = 128;

    private static readonly KeepSqliteStatements KeptStatements = new();

    /// <summary>The provider <c>Database:Provider</c> names: <see cref="Sqlite"/> unless it says otherwise.</summary>
    public static string ProviderOf(IConfiguration configuration) =>
        (configuration?["Database:Provider"] ?? Sqlite).Trim().ToLowerInvariant();

    /// <summary>
    /// Registers <see cref="AppDbContext"/> on the provider named by <c>Database:Provider</c>
    /// (<c>sqlite</c>, the default, or <c>postgres</c>) and <c>ConnectionStrings:Tongban</c>.
    /// </summary>
    public static IServiceCollection AddTongbanDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var provider = ProviderOf(configuration);
        var connectionString = configuration.GetConnectionString("Tongban");

        switch (provider)
        {
            case Sqlite:
                connectionString ??= DefaultSqliteConnectionString(contentRoot);
                services.AddSingleton<SqliteWriteGate>();
                services.AddDbContextPool<AppDbContext, SqliteAppDbContext>(
                    (services, o) => UseTongbanSqlite(o, connectionString, services.GetRequiredService<SqliteWriteGate>()), SqliteContextsKept);
                break;
            case Postgres:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException(
                        "Database:Provider is 'postgres' but ConnectionStrings:Tongban is empty. " +
                        "Set it, for example ConnectionStrings__Tongban='Host=127.0.0.1;Database=tongban;Username=tongban;Password=...'.");
                }

                services.AddDbContextPool<AppDbContext, PostgresAppDbContext>(o => o.UseNpgsql(PostgresConnectionString.WithDefaults(connectionString)));
                break;
            default:
                throw new InvalidOperationException($"Database:Provider '{provider}' is not known; use '{Sqlite}' or '{Postgres}'.");
        }

        if (configuration.GetValue("Database:MigrateOnStart", true))
        {
            services.AddHostedService<MigrateOnStart>();
        }

        return services;
    }

    /// <summary>
    /// SQLite as Tongban uses it: writes taking turns (ADR 0015), connections without EF Core's decimal functions
    /// (ADR 0035), keeping their statements prepared (ADR 0038).
    /// </summary>
    public static DbContextOptionsBuilder UseTongbanSqlite(DbContextOptionsBuilder options, string connectionString, SqliteWriteGate gate) =>
        SqliteWithoutDecimalFunctions.Use(options.UseSqlite(connectionString).AddInterceptors(gate, KeptStatements));

    private static string DefaultSqliteConnectionString(string contentRoot)
    {
        var folder = Path.Combine(contentRoot, "data");
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "tongban.db")}";
    }

    /// <summary>Applies pending migrations; on SQLite also turns on write-ahead logging so readers never wait for a writer.</summary>
    public static async Task MigrateAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Asking first reads only the history table; migrating builds the whole model of the last migration to compare
        // with the code's, which a node restarting on an up-to-date database would hold in memory for nothing.
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
