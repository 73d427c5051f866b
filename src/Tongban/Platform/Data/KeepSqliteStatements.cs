using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Tongban.Platform.Data;

/// <summary>Hands EF Core the connection's kept command for a query it ran before, statements prepared (ADR 0038).</summary>
public sealed class KeepSqliteStatements : IDbCommandInterceptor
{
    public DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result) =>
        result is { Connection: SqliteConnectionKeepingStatements connection } ? connection.Kept(result) : result;
}
