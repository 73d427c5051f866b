using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Tongban.Platform.Data;

/// <summary>
/// SQLite lets one connection write at a time. When a second one finds the database busy, Microsoft.Data.Sqlite
/// retries by putting the request's thread to sleep (150 ms at a time); with a hundred submissions waiting the
/// thread pool runs out of threads and the whole server slows down, reads included (bench/results). This gate
/// makes this process's writers wait their turn first come, first served, without holding a thread, so SQLite
/// never finds itself busy because of us. It gates every transaction (EF Core's are BEGIN IMMEDIATE: they take
/// the write lock at once) and every write outside one (a single-statement save, ExecuteUpdate, raw SQL).
/// Reads need no turn: write-ahead logging lets them run beside the writer. Another process on the same file is
/// still kept apart by SQLite's own locking; so is a writer that waited longer than <see cref="Patience"/>,
/// which then goes on ungated rather than fail here.
/// </summary>
public sealed class SqliteWriteGate : IDbTransactionInterceptor, IDbCommandInterceptor, IDbConnectionInterceptor, IDisposable
{
    /// <summary>As long as Microsoft.Data.Sqlite's default command timeout.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public const string MeterName = "Tongban.Data";
    public const string WaitDuration = "tongban.data.sqlite.turn.wait.duration";
    public const string HoldDuration = "tongban.data.sqlite.turn.hold.duration";

    private readonly SemaphoreSlim turn = new(1, 1);
    private readonly Lock sync = new();
    private readonly ILogger<SqliteWriteGate> logger;
    private readonly Histogram<double> waited;
    private readonly Histogram<double> held;

    /// <summary>EF Core's id of the connection that has the turn, or empty; and since when it has it.</summary>
    private Guid holder;
    private long heldSince;

    public SqliteWriteGate(ILogger<SqliteWriteGate> logger, IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        this.logger = logger;
        var meter = meters.Create(MeterName);
        waited = meter.CreateHistogram<double>(WaitDuration, "s", "Time a SQLite write waited for its turn: how long writes queue.");
        held = meter.CreateHistogram<double>(HoldDuration, "s", "Time a SQLite write held its turn: from BEGIN (or the statement) to commit.");
    }

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Enter(eventData.ConnectionId);
        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(eventData.ConnectionId, cancellationToken);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Leave(eventData.ConnectionId);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Left(eventData.ConnectionId);

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Leave(eventData.ConnectionId);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Left(eventData.ConnectionId);

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Leave(eventData.ConnectionId);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default) =>
        Left(eventData.ConnectionId);

    /// <summary>A transaction disposed without commit or rollback (an exception on the way) rolls back as its connection closes.</summary>
    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Leave(eventData.ConnectionId);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData) => Left(eventData.ConnectionId);

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        EnterIfAutocommitWrite(command, eventData.ConnectionId);
        return result;
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await EnterIfAutocommitWriteAsync(command, eventData.ConnectionId, cancellationToken);
        return result;
    }

    /// <summary>A write that returns rows (INSERT … RETURNING) holds the lock until its reader is done.</summary>
    public InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        LeaveIfAutocommitWrite(command, eventData.ConnectionId);
        return result;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        EnterIfAutocommitWrite(command, eventData.ConnectionId);
        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await EnterIfAutocommitWriteAsync(command, eventData.ConnectionId, cancellationToken);
        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        LeaveIfAutocommitWrite(command, eventData.ConnectionId);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        LeaveIfAutocommitWrite(command, eventData.ConnectionId);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        EnterIfAutocommitWrite(command, eventData.ConnectionId);
        return result;
    }

    public async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await EnterIfAutocommitWriteAsync(command, eventData.ConnectionId, cancellationToken);
        return result;
    }

    public object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        LeaveIfAutocommitWrite(command, eventData.ConnectionId);
        return result;
    }

    public ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        LeaveIfAutocommitWrite(command, eventData.ConnectionId);
        return ValueTask.FromResult(result);
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => LeaveIfAutocommitWrite(command, eventData.ConnectionId);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        LeaveIfAutocommitWrite(command, eventData.ConnectionId);
        return Task.CompletedTask;
    }

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => LeaveIfAutocommitWrite(command, eventData.ConnectionId);

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        LeaveIfAutocommitWrite(command, eventData.ConnectionId);
        return Task.CompletedTask;
    }

    /// <summary>True while some connection of this process has its turn to write (for tests and diagnostics).</summary>
    public bool IsTaken
    {
        get
        {
            lock (sync)
            {
                return holder != Guid.Empty;
            }
        }
    }

    /// <summary>
    /// Outside a transaction SQLite runs each statement as its own; anything but a plain read may write. Inside
    /// one, the transaction already has the turn.
    /// </summary>
    private static bool IsAutocommitWrite(DbCommand command)
    {
        if (command.Transaction is not null)
        {
            return false;
        }

        var text = command.CommandText.AsSpan().TrimStart();
        return !text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) && !text.StartsWith("PRAGMA", StringComparison.OrdinalIgnoreCase);
    }

    private void EnterIfAutocommitWrite(DbCommand command, Guid connection)
    {
        if (IsAutocommitWrite(command))
        {
            Enter(connection);
        }
    }

    private async ValueTask EnterIfAutocommitWriteAsync(DbCommand command, Guid connection, CancellationToken cancellationToken)
    {
        if (IsAutocommitWrite(command))
        {
            await EnterAsync(connection, cancellationToken);
        }
    }

    private void LeaveIfAutocommitWrite(DbCommand command, Guid connection)
    {
        if (IsAutocommitWrite(command))
        {
            Leave(connection);
        }
    }

    private void Enter(Guid connection)
    {
        if (!Holds(connection))
        {
            var since = Stopwatch.GetTimestamp();
            Took(turn.Wait(Patience), connection, since);
        }
    }

    private async ValueTask EnterAsync(Guid connection, CancellationToken cancellationToken)
    {
        if (!Holds(connection))
        {
            var since = Stopwatch.GetTimestamp();
            Took(await turn.WaitAsync(Patience, cancellationToken), connection, since);
        }
    }

    /// <summary>A connection that already has the turn (a transaction's commands) does not queue behind itself.</summary>
    private bool Holds(Guid connection)
    {
        lock (sync)
        {
            return holder == connection;
        }
    }

    private void Took(bool gotTurn, Guid connection, long waitingSince)
    {
        waited.Record(Stopwatch.GetElapsedTime(waitingSince).TotalSeconds);
        if (!gotTurn)
        {
            logger.LogWarning("A SQLite write waited {Seconds} s for its turn and goes on without it; SQLite's own locking decides.", Patience.TotalSeconds);
            return;
        }

        lock (sync)
        {
            holder = connection;
            heldSince = Stopwatch.GetTimestamp();
        }
    }

    /// <summary>Only the connection holding the turn gives it back, and only once.</summary>
    private void Leave(Guid connection)
    {
        long since;
        lock (sync)
        {
            if (holder != connection || connection == Guid.Empty)
            {
                return;
            }

            holder = Guid.Empty;
            since = heldSince;
        }

        turn.Release();
        held.Record(Stopwatch.GetElapsedTime(since).TotalSeconds);
    }

    public void Dispose() => turn.Dispose();

    private Task Left(Guid connection)
    {
        Leave(connection);
        return Task.CompletedTask;
    }
}
