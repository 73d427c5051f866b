using System.Data.Common;
using Npgsql;

namespace Tongban.Platform.Data;

/// <summary>
/// The operator's PostgreSQL connection string, with Npgsql's automatic preparation turned on unless she set it.
/// Every page asks the same few statements (her session, her draft with her cases): prepared once per physical
/// connection, PostgreSQL stops parsing and planning them on every request. Measured in pairs on the published build
/// (bench/results/forms-2026-12-07.md): question pages +5 to +41 %, answers up to +50 %, p99 lower (ADR 0037).
/// A pooler in transaction mode in front of PostgreSQL must keep prepared statements (PgBouncer's
/// <c>max_prepared_statements</c>) or the operator sets <c>Max Auto Prepare=0</c> (docs/operations.md).
/// </summary>
public static class PostgresConnectionString
{
    /// <summary>Room for every statement a node asks often; the rarely asked are never prepared.</summary>
    public const int PreparedStatements = 64;

    /// <summary>A statement is prepared on its second use on a connection: one-off reports and jobs are not.</summary>
    public const int UsesBeforePreparing = 2;

    public static string WithDefaults(string connectionString)
    {
        // Npgsql's own builder answers every keyword it knows as present, set or not; the plain one sees what was written.
        var written = new DbConnectionStringBuilder { ConnectionString = connectionString };
        bool Says(string keyword) => written.Keys.Cast<string>().Any(k => k.Replace(" ", "", StringComparison.Ordinal).Equals(keyword, StringComparison.OrdinalIgnoreCase));

        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Says("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = PreparedStatements;
            if (!Says("AutoPrepareMinUsages"))
            {
                builder.AutoPrepareMinUsages = UsesBeforePreparing;
            }
        }

        return builder.ConnectionString;
    }
}
