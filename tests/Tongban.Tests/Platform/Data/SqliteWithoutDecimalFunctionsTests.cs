using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Platform.Data;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Platform.Data;

/// <summary>
/// Tongban's SQLite connections go without EF Core's functions for decimals and regular expressions (ADR 0035), which
/// is safe only while no query could need them: the model holds no decimal. And the connections really lack them (every
/// other test shows that queries run without).
/// </summary>
public sealed class SqliteWithoutDecimalFunctionsTests(TongbanApp app) : IClassFixture<TongbanApp>
{
    [Fact]
    public async Task TheModelHoldsNoDecimal_SoNoQueryNeedsEfCoresDecimalFunctions()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var decimals = db.Model.GetEntityTypes().SelectMany(e => e.GetProperties())
            .Where(p => Nullable.GetUnderlyingType(p.ClrType) is { } inner ? inner == typeof(decimal) : p.ClrType == typeof(decimal))
            .Select(p => $"{p.DeclaringType.DisplayName()}.{p.Name}");
        Assert.Empty(decimals); // a decimal column needs EF Core's ef_* functions on SQLite: give it back its connection first
    }

    [Fact]
    public async Task OnSqlite_TheAppsConnectionsLackThem()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (!db.Database.IsSqlite())
        {
            Assert.IsNotType<SqliteWithoutDecimalFunctions>(db.GetService<IRelationalConnection>());
            return; // PostgreSQL has its own decimal arithmetic
        }

        Assert.IsType<SqliteWithoutDecimalFunctions>(db.GetService<IRelationalConnection>());
        var missing = await Assert.ThrowsAsync<SqliteException>(() => db.Database.SqlQueryRaw<int>("SELECT ef_compare(1, 2) AS \"Value\"").ToListAsync(ct));
        Assert.Contains("no such function", missing.Message, StringComparison.Ordinal);
    }
}
