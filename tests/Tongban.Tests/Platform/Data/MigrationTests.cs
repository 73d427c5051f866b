using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Platform.Data;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Platform.Data;

public sealed class MigrationTests(TongbanApp app) : IClassFixture<TongbanApp>
{
    [Fact]
    public async Task StartUp_AppliesEveryMigration_OnTheConfiguredProvider()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.Equal(app.Database.Provider == DatabaseSetup.Postgres, db.Database.IsNpgsql());
    }

    [Fact]
    public void EachProvidersMigrations_MatchTheModel()
    {
        // A model change without a migration for both providers would fail here, not in production.
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);

        Assert.False(sqlite.Database.HasPendingModelChanges(), "SQLite migrations are behind the model: run dotnet ef migrations add (see docs/operations.md).");
        Assert.False(postgres.Database.HasPendingModelChanges(), "PostgreSQL migrations are behind the model: run dotnet ef migrations add (see docs/operations.md).");
    }

    [Fact]
    public async Task Sqlite_AfterMigration_UsesWriteAheadLogging()
    {
        // The embedded default always runs on SQLite, whichever provider this run tests.
        var folder = Directory.CreateTempSubdirectory("tongban-wal-").FullName;
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={Path.Combine(folder, "t.db")};Pooling=false").Options;
        await using var db = new SqliteAppDbContext(options);

        await DatabaseSetup.MigrateAsync(db, TestContext.Current.CancellationToken);
        var mode = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal("wal", Assert.Single(mode));
    }
}
