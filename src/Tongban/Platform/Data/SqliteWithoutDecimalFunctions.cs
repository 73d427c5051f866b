using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;

namespace Tongban.Platform.Data;

/// <summary>
/// EF Core's SQLite connection, without the eleven SQL functions EF Core adds to every connection for arithmetic and
/// comparison on <c>decimal</c> columns (<c>ef_add</c>, <c>ef_compare</c>, <c>ef_sum</c>, …) and for <c>Regex.IsMatch</c>
/// (<c>regexp</c>). Microsoft.Data.Sqlite registers a connection's functions again each time it is opened from its pool
/// and removes them each time it is closed, so they cost every query their registration: about 4 % of the server's time
/// and 8 % of what it allocated while answering forms (bench/results/forms-2026-12-07.md, ADR 0035). Tongban stores no
/// decimal and matches no regular expression in a query; a test keeps the model that way
/// (<c>SqliteWithoutDecimalFunctionsTests</c>), since such a query would otherwise fail with "no such function".
/// Its connections keep their statements prepared (<see cref="SqliteConnectionKeepingStatements"/>, ADR 0038).
/// </summary>
[SuppressMessage("Usage", "EF1001:Internal EF Core API usage.", Justification = "The only way to create the connection EF Core uses; its constructor is checked by every test that opens the database.")]
public sealed class SqliteWithoutDecimalFunctions(
    RelationalConnectionDependencies dependencies,
    IRawSqlCommandBuilder rawSqlCommandBuilder,
    IDiagnosticsLogger<DbLoggerCategory.Infrastructure> logger)
    : SqliteRelationalConnection(dependencies, rawSqlCommandBuilder, logger)
{
    public static DbContextOptionsBuilder Use(DbContextOptionsBuilder options) =>
        options.ReplaceService<ISqliteRelationalConnection, SqliteWithoutDecimalFunctions>();

    protected override DbConnection CreateDbConnection() => new SqliteConnectionKeepingStatements(GetValidatedConnectionString());
}
