using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Audit;

namespace Tongban.Platform.Data.Backup;

/// <summary>
/// <c>backup --to FILE</c>: a consistent copy of the SQLite database, taken while Tongban runs. <c>VACUUM INTO</c>
/// reads one snapshot (with write-ahead logging, writers go on meanwhile) and writes it, compacted, into a new file;
/// the copy is checked (<c>PRAGMA integrity_check</c>) before it takes its final name, so a file under that name is
/// always a whole backup. PostgreSQL is backed up with its own tools (docs/operations.md, "Backups").
/// </summary>
public static class BackupCommand
{
    public static async Task<int> Run(IServiceProvider services, string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        if (args is not ["--to", { Length: > 0 } to])
        {
            await output.WriteLineAsync("usage: backup --to FILE   (a new file: an existing one is never overwritten)");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (!db.Database.IsSqlite())
        {
            await output.WriteLineAsync("This database is PostgreSQL: back it up with pg_basebackup and WAL archiving (docs/operations.md, \"Backups\").");
            return 2;
        }

        var target = Path.GetFullPath(to);
        if (File.Exists(target))
        {
            await output.WriteLineAsync($"{target} exists already: choose a new file (a backup never overwrites one).");
            return 1;
        }

        // Read-only, and its own connection rather than the context's: a backup must neither create an empty database
        // where none is, nor hold the writers' turn (SqliteWriteGate).
        var source = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()) { Mode = SqliteOpenMode.ReadOnly };
        if (!File.Exists(source.DataSource))
        {
            await output.WriteLineAsync($"There is no database at {source.DataSource}: start Tongban once, or set ConnectionStrings__Tongban.");
            return 1;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".partial";
        File.Delete(partial);
        var started = Stopwatch.GetTimestamp();
        string integrity;
        long records;
        try
        {
            await Copy(source.ConnectionString, partial, cancellationToken);
            (integrity, records) = await Check(partial, db, cancellationToken);
        }
        catch (SqliteException e)
        {
            File.Delete(partial);
            await output.WriteLineAsync($"The backup failed, nothing was kept: {e.Message}");
            return 1;
        }

        if (integrity != "ok")
        {
            File.Delete(partial);
            await output.WriteLineAsync($"The copy failed its integrity check ({integrity}); nothing was kept. Check the disk and try again.");
            return 1;
        }

        File.Move(partial, target);
        await output.WriteLineAsync(string.Format(
            CultureInfo.InvariantCulture,
            "Backed up to {1} ({2:N1} MB, {0:N0} audit records) in {3:N1} s; integrity check: ok.",
            records,
            target,
            new FileInfo(target).Length / 1_048_576.0,
            Stopwatch.GetElapsedTime(started).TotalSeconds));
        return 0;
    }

    private static async Task Copy(string source, string partial, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(source);
        await connection.OpenAsync(cancellationToken);
        await using var vacuum = connection.CreateCommand();
        vacuum.CommandText = "VACUUM INTO $target";
        vacuum.Parameters.AddWithValue("$target", partial);
        vacuum.CommandTimeout = 0; // a large city's database takes minutes
        await vacuum.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>SQLite's own check of the copy, and how many audit records it holds, read from the copy itself.</summary>
    private static async Task<(string Integrity, long AuditRecords)> Check(string copy, AppDbContext db, CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = copy, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        await using var connection = new SqliteConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var integrity = (string?)await Scalar(connection, "PRAGMA integrity_check", cancellationToken) ?? "no answer";
        // The table's name comes from the model, never from input.
        var table = db.Model.FindEntityType(typeof(AuditRecord))!.GetTableName();
        return (integrity, (long)(await Scalar(connection, $"SELECT COUNT(*) FROM \"{table}\"", cancellationToken))!);
    }

    private static async Task<object?> Scalar(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
