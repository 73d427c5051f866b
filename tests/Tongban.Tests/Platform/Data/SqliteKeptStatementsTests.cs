using System.Data;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SQLitePCL;
using Tongban.Platform.Data;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Platform.Data;

/// <summary>
/// SQLite connections that keep their statements prepared across EF Core's queries and its pool of contexts
/// (ADR 0038), on a real database file with the options the app uses, one context at a time as requests use them.
/// </summary>
public sealed class SqliteKeptStatementsTests : IAsyncLifetime
{
    private readonly ServiceProvider services;
    private readonly IDbContextFactory<SqliteAppDbContext> contexts;

    public SqliteKeptStatementsTests()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("tongban-kept-").FullName, "t.db");
        services = new ServiceCollection().AddLogging().AddMetrics().AddSingleton<SqliteWriteGate>()
            .AddPooledDbContextFactory<SqliteAppDbContext>(
                (s, o) => DatabaseSetup.UseTongbanSqlite(o, $"Data Source={file};Default Timeout=1", s.GetRequiredService<SqliteWriteGate>()),
                poolSize: 1) // one pooled context: every use below meets the same connection again
            .BuildServiceProvider();
        contexts = services.GetRequiredService<IDbContextFactory<SqliteAppDbContext>>();
    }

    public async ValueTask InitializeAsync()
    {
        await using var db = await contexts.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        // SQLitePCL lists a handle's statements only if asked as it opens, before any is prepared.
        connection.StateChange += (_, change) =>
        {
            if (change.CurrentState == ConnectionState.Open)
            {
                connection.Handle!.enable_sqlite3_next_stmt(true);
            }
        };
        await DatabaseSetup.MigrateAsync(db, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await services.DisposeAsync(); // the pool's contexts, and their connections for real

    [Fact]
    public async Task AQueryAskedInThreeRequests_IsPreparedOnce_AndRunThreeTimes()
    {
        var ct = TestContext.Current.CancellationToken;
        for (var request = 0; request < 3; request++)
        {
            await using var db = await contexts.CreateDbContextAsync(ct); // from the pool, and back to it
            Assert.Empty(await db.FormEvents.AsNoTracking().Where(e => e.Page == "p" + request).ToListAsync(ct));
        }

        await using var again = await contexts.CreateDbContextAsync(ct);
        var statement = Assert.Single(Statements(again), s => s.Sql.Contains("FROM \"FormEvents\"", StringComparison.Ordinal));
        Assert.Equal(3, statement.Runs); // one statement, prepared once, run by all three
    }

    [Fact]
    public async Task TheSameQueryInsideItself_RunsBeside_ItsKeptTwin()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await contexts.CreateDbContextAsync(ct);
        const string both = "SELECT 1 AS \"Value\" UNION ALL SELECT 2";
        var inner = new List<List<int>>();

        await foreach (var _ in db.Database.SqlQueryRaw<int>(both).AsAsyncEnumerable().WithCancellation(ct))
        {
            inner.Add(await db.Database.SqlQueryRaw<int>(both).ToListAsync(ct)); // the kept command is still reading
        }

        Assert.Equal([[1, 2], [1, 2]], inner);
    }

    [Fact]
    public async Task MoreQueriesThanItKeeps_AllAnswer_AndTheLeastRecentAreLetGo()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await contexts.CreateDbContextAsync(ct);
        for (var i = 0; i < SqliteConnectionKeepingStatements.Capacity + 10; i++)
        {
            var text = "SELECT " + i.ToString(CultureInfo.InvariantCulture) + " AS \"Value\""; // a text of its own each time, a number of ours
            Assert.Equal([i], await db.Database.SqlQueryRaw<int>(text).ToListAsync(ct));
        }

        Assert.InRange(Statements(db).Count, SqliteConnectionKeepingStatements.Capacity - 5, SqliteConnectionKeepingStatements.Capacity);
    }

    [Fact]
    public async Task ATransactionLeftOpenWhenItsContextGoesBack_IsRolledBack_AndHoldsNoLock()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            db.FormEvents.Add(FormSteps.Viewed("saved"));
            await db.SaveChangesAsync(ct);
        }

        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            // A transaction begun in SQL, not through EF Core, and never ended: EF Core does not know to roll it back.
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("BEGIN IMMEDIATE", ct);
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"FormEvents\"", ct);
        }

        await using var next = await contexts.CreateDbContextAsync(ct);
        next.FormEvents.Add(FormSteps.Viewed("next")); // would wait for the lock, then fail, if the connection still held it
        await next.SaveChangesAsync(ct);
        Assert.Equal(["saved", "next"], await next.FormEvents.AsNoTracking().OrderBy(e => e.Id).Select(e => e.Page).ToListAsync(ct));
    }

    [Fact]
    public void AConnectionPointedAtAnotherDatabase_LetsGoOfTheHandleItKept()
    {
        var folder = Directory.CreateTempSubdirectory("tongban-kept-").FullName;
        using var connection = new SqliteConnectionKeepingStatements($"Data Source={Path.Combine(folder, "a.db")};Pooling=false");
        connection.Open();
        connection.Close(); // as EF Core closes it: the handle to a.db stays

        connection.ConnectionString = $"Data Source={Path.Combine(folder, "b.db")};Pooling=false";
        connection.Open();

        Assert.Equal(Path.Combine(folder, "b.db"), raw.sqlite3_db_filename(connection.Handle, "main").utf8_to_string());
    }

    /// <summary>SQLite's SQLITE_STMTSTATUS_RUN: how many times a statement ran to its end.</summary>
    private const int StatementRuns = 6;

    /// <summary>The statements alive on the context's SQLite handle, with how many times each ran.</summary>
    private static List<(string Sql, int Runs)> Statements(DbContext db)
    {
        var handle = ((SqliteConnection)db.Database.GetDbConnection()).Handle;
        Assert.NotNull(handle); // the handle outlived EF Core's closing of the connection
        var found = new List<(string, int)>();
        for (var statement = raw.sqlite3_next_stmt(handle, null); statement is not null && !statement.IsInvalid; statement = raw.sqlite3_next_stmt(handle, statement))
        {
            found.Add((raw.sqlite3_sql(statement).utf8_to_string(), raw.sqlite3_stmt_status(statement, StatementRuns, 0)));
        }

        return found;
    }
}
