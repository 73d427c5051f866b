using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Tongban.Tests.Infrastructure;

/// <summary>
/// The database commands one request runs, told apart from every other test's by its trace: the request is sent with
/// a <c>traceparent</c> of its own, which ASP.NET Core's request activity takes on and the commands run under. On
/// SQLite they are read from EF Core's diagnostic events; on PostgreSQL, where those did not fire here, from Npgsql's
/// own activity for each command.
/// </summary>
public sealed class RequestCommands : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly ActivityTraceId _trace = ActivityTraceId.CreateRandom();
    private readonly ConcurrentQueue<string> _commands = new();
    private readonly ConcurrentQueue<string> _npgsqlCommands = new();
    private readonly ActivityListener _activities;
    private readonly IDisposable _listeners;
    private readonly List<IDisposable> _subscriptions = [];

    public RequestCommands()
    {
        // ASP.NET Core starts a request activity (carrying the traceparent) only when someone listens.
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Microsoft.AspNetCore" or "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                // Npgsql also traces opening a physical connection ("CONNECT …", when its pool grows): not a command.
                if (activity.Source.Name == "Npgsql" && activity.TraceId == _trace
                    && (activity.GetTagItem("db.query.text") ?? activity.GetTagItem("db.statement"))?.ToString() is { } command)
                {
                    _npgsqlCommands.Enqueue(command);
                }
            },
        };
        ActivitySource.AddActivityListener(_activities);
        _listeners = DiagnosticListener.AllListeners.Subscribe(this);
    }

    /// <summary>The header that makes a request's commands counted here.</summary>
    public string TraceParent => $"00-{_trace}-{ActivitySpanId.CreateRandom()}-01";

    /// <summary>The commands run so far under the trace, as their SQL.</summary>
    public IReadOnlyList<string> Commands => _commands.IsEmpty ? [.. _npgsqlCommands] : [.. _commands];

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuted.Name && value.Value is CommandExecutedEventData executed && Activity.Current?.TraceId == _trace)
        {
            _commands.Enqueue(executed.Command.CommandText);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _listeners.Dispose();
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }

        _activities.Dispose();
    }
}
