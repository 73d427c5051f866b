using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SQLitePCL;
using Tongban.Platform.Data;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Platform.Data;

/// <summary>
/// The app's own queries are not parsed and planned again once asked twice: on PostgreSQL prepared on the server
/// (ADR 0037), on SQLite kept on the connection's handle under EF Core's closing of it (ADR 0038).
/// </summary>
public sealed class PreparedStatementsTests
{
    /// <summary>SQLite's SQLITE_DBSTATUS_STMT_USED: memory held by a handle's prepared statements.</summary>
    private const int StatementMemory = 3;

    [Fact]
    public async Task TheAppsOwnQuery_IsKeptPrepared_AfterItsSecondUse()
    {
        await using var app = new TongbanApp();
        await app.InitializeAsync();
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ct = TestContext.Current.CancellationToken;
        var nobody = Guid.NewGuid(); // a parameter: the same statement each time

        if (db.Database.IsSqlite())
        {
            for (var i = 0; i < 2; i++)
            {
                await db.Residents.AsNoTracking().Where(r => r.Id == nobody).ToListAsync(ct); // EF Core opens and closes around each
            }

            var handle = ((SqliteConnection)db.Database.GetDbConnection()).Handle;
            Assert.NotNull(handle); // the handle outlived EF Core's closing of the connection
            raw.sqlite3_db_status(handle, StatementMemory, out var held, out _, 0);
            Assert.True(held > 0, "the statement is still prepared on the handle");
            return;
        }

        await db.Database.OpenConnectionAsync(ct); // one physical connection for the whole test: prepared statements are per session
        var before = await Prepared(db, ct);
        for (var i = 0; i < PostgresConnectionString.UsesBeforePreparing; i++)
        {
            await db.Residents.AsNoTracking().Where(r => r.Id == nobody).ToListAsync(ct);
        }

        Assert.Equal(before + 1, await Prepared(db, ct));
    }

    private static async Task<int> Prepared(AppDbContext db, CancellationToken ct) =>
        await db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM pg_prepared_statements WHERE statement LIKE '%\"Residents\"%' AND statement NOT LIKE '%pg_prepared_statements%'").SingleAsync(ct);
}
