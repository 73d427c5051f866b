using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Tongban.Platform.Data;

/// <summary>
/// A SQLite connection that stays open while EF Core thinks it closed, for as long as its pooled context lives, and keeps
/// the commands it ran most recently with their statements prepared. Microsoft.Data.Sqlite prepares every command anew
/// (and finalizes its statements when the command is disposed or the connection closed), and EF Core makes a new command
/// for every query; parsing and planning were about two thirds of SQLite's time on a question page (ADR 0038).
/// EF Core still opens and closes it around each query, as before; only the database handle and the statements stay.
/// A connection closed with a transaction still open is closed for real, which rolls the transaction back; one begun in
/// SQL is rolled back.
/// </summary>
public sealed class SqliteConnectionKeepingStatements(string connectionString) : SqliteConnection(connectionString)
{
    /// <summary>Statements kept per connection: every query of a page and an answer, not every report.</summary>
    public const int Capacity = 8;

    /// <summary>
    /// SQLite's page cache per connection, in KiB (its default is 2,000). Every pooled context now holds a handle, not only
    /// those running a query at the moment, and with write-ahead logging a connection drops its cache whenever another
    /// has written since its last read, which under load is almost every time: a large one only held memory.
    /// </summary>
    public const int PageCacheKib = 128;

    private readonly Dictionary<string, LinkedListNode<KeptCommand>> kept = new(StringComparer.Ordinal);
    private readonly LinkedList<KeptCommand> leastRecentLast = new();
    private bool handleOpen;
    private bool openForEfCore;
    private bool closingForReal;

    public override ConnectionState State =>
        !handleOpen || closingForReal ? base.State : openForEfCore ? ConnectionState.Open : ConnectionState.Closed;

    /// <summary>Another database: the handle to the old one is closed for real first.</summary>
    [AllowNull]
    public override string ConnectionString
    {
        get => base.ConnectionString;
        set
        {
            if (handleOpen && !openForEfCore)
            {
                CloseForReal();
            }

            base.ConnectionString = value;
        }
    }

    public override void Open()
    {
        if (!handleOpen)
        {
            base.Open();
            handleOpen = true;
            raw.sqlite3_exec(Handle, "PRAGMA cache_size = -" + PageCacheKib.ToString(CultureInfo.InvariantCulture));
        }

        openForEfCore = true;
    }

    public override void Close()
    {
        if (!openForEfCore)
        {
            return;
        }

        if (Transaction is not null)
        {
            CloseForReal(); // Microsoft.Data.Sqlite rolls it back as it closes
            return;
        }

        RollBackWhatSqlBegan();
        openForEfCore = false;
    }

    /// <summary>
    /// The kept command with the same text, its parameters and transaction taken from <paramref name="command"/>
    /// (which is disposed), or <paramref name="command"/> itself when its twin is still running (a query inside another).
    /// </summary>
    public DbCommand Kept(DbCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.CommandType != CommandType.Text)
        {
            return command;
        }

        if (kept.TryGetValue(command.CommandText, out var node))
        {
            if (node.Value.Running)
            {
                return command;
            }

            leastRecentLast.Remove(node);
            leastRecentLast.AddFirst(node);
        }
        else
        {
            if (kept.Count == Capacity && !Forget(leastRecentLast.Last!))
            {
                return command;
            }

            node = leastRecentLast.AddFirst(new KeptCommand(command.CommandText, this));
            kept.Add(command.CommandText, node);
        }

        node.Value.Take(command);
        command.Dispose();
        return node.Value;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            CloseForReal();
        }

        base.Dispose(disposing);
    }

    private bool Forget(LinkedListNode<KeptCommand> node)
    {
        if (node.Value.Running)
        {
            return false;
        }

        leastRecentLast.Remove(node);
        kept.Remove(node.Value.CommandText);
        node.Value.Release();
        return true;
    }

    private void CloseForReal()
    {
        foreach (var command in leastRecentLast)
        {
            command.Release();
        }

        leastRecentLast.Clear();
        kept.Clear();
        RollBackWhatSqlBegan();
        closingForReal = true;
        try
        {
            base.Close();
        }
        finally
        {
            closingForReal = false;
            handleOpen = false;
            openForEfCore = false;
        }
    }

    /// <summary>
    /// A transaction begun in SQL (not through <see cref="SqliteConnection.BeginTransaction()"/>) and never ended: the
    /// next user of this handle, or of Microsoft.Data.Sqlite's pool, would otherwise carry on inside it.
    /// </summary>
    private void RollBackWhatSqlBegan()
    {
        if (Handle is { } handle && raw.sqlite3_get_autocommit(handle) == 0)
        {
            raw.sqlite3_exec(handle, "ROLLBACK");
        }
    }

    /// <summary>A command whose statements outlive EF Core's disposing of it, until its connection lets it go.</summary>
    private sealed class KeptCommand(string text, SqliteConnection connection) : SqliteCommand(text, connection)
    {
        private bool released;

        public bool Running { get; private set; }

        public void Take(DbCommand command)
        {
            Running = true;
            Transaction = (SqliteTransaction?)command.Transaction;
            CommandTimeout = command.CommandTimeout;
            var parameters = new SqliteParameter[command.Parameters.Count];
            command.Parameters.CopyTo(parameters, 0);
            command.Parameters.Clear();
            Parameters.AddRange(parameters);
        }

        public void Release()
        {
            released = true;
            Dispose();
        }

        /// <summary>EF Core disposes every command after running it: a kept one only gives back its parameters.</summary>
        protected override void Dispose(bool disposing)
        {
            if (released || !disposing)
            {
                base.Dispose(disposing);
                return;
            }

            Parameters.Clear();
            Transaction = null;
            Running = false;
        }
    }
}
