using System.Data.Common;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Calendar;
using Tongban.Platform.Data;
using Tongban.Residents;

namespace Tongban.Applications;

/// <summary>
/// Notes one step through a form with the group the resident belongs to, and nothing that identifies
/// her: the funnel that shows where which groups give up. Without her consent to statistics, her group
/// is "unknown". Showing or answering a page writes nothing in the request: steps wait in memory and are written
/// together about once a second (<see cref="FlushEvery"/>), their residents' groups read in one query. A crash loses
/// at most that second of steps, which are measurements; answers are saved durably by <see cref="SaveAnswer"/>.
/// </summary>
public sealed class RecordFormStep : IAsyncDisposable
{
    public static readonly TimeSpan FlushEvery = TimeSpan.FromSeconds(1);

    /// <summary>Steps held while the database cannot take them; beyond this the newest are dropped rather than memory run out.</summary>
    private const int MostHeld = 100_000;

    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly ILogger<RecordFormStep> _logger;
    private readonly Channel<Step> _queue = System.Threading.Channels.Channel.CreateBounded<Step>(new BoundedChannelOptions(MostHeld) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lazy<Task> _writer;

    public RecordFormStep(IServiceScopeFactory scopes, TimeProvider clock, ILogger<RecordFormStep> logger)
    {
        _scopes = scopes;
        _clock = clock;
        _logger = logger;
        _writer = new Lazy<Task>(() => Task.Run(WriteEverySecond));
    }

    public void Handle(string formKey, string page, FormStep step, Channel channel, Guid residentId)
    {
        _queue.Writer.TryWrite(new Step(formKey, page, step, channel, residentId, _clock.GetUtcNow().UtcDateTime));
        _ = _writer.Value;
    }

    /// <summary>Writes the steps noted so far now (at a graceful stop, and for whoever must count them at once).</summary>
    public async Task Flush()
    {
        await _writing.WaitAsync();
        try
        {
            var steps = new List<Step>();
            while (_queue.Reader.TryRead(out var step))
            {
                steps.Add(step);
            }

            foreach (var chunk in steps.Chunk(1000))
            {
                await Write(chunk);
            }
        }
        finally
        {
            _writing.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_writer.IsValueCreated)
        {
            await _writer.Value;
        }

        // The semaphore stays: a host stopped after its container was disposed (as some tests do) still calls Flush,
        // which then finds nothing it can write and says so in the log.
        _stopping.Dispose();
    }

    private async Task WriteEverySecond()
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(_stopping.Token))
            {
                await Task.Delay(FlushEvery, _stopping.Token); // a second's steps, written together
                await Flush();
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Stopping: FlushFormStepsAtStop has written what was left.
        }
    }

    private async Task Write(IReadOnlyList<Step> steps)
    {
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var ids = steps.Select(s => s.ResidentId).Distinct().ToList();
            var residents = await db.Residents.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id);
            var events = steps.Where(s => residents.ContainsKey(s.ResidentId))
                .Select(s => Event(residents[s.ResidentId], s.FormKey, s.Page, s.Kind, s.Channel, s.At, DateOnly.FromDateTime(CityTime.Local(s.At))))
                .ToList();

            // In bulk rather than through the change tracker, whose work for a second's steps was 5 % of the server's time
            // while residents answered forms (ADR 0035); the transaction takes SQLite's write turn like any other.
            await using var transaction = await db.Database.BeginTransactionAsync();
            await BulkInsert.Write(db, events, CancellationToken.None);
            await transaction.CommitAsync();
        }
        catch (Exception e) when (e is DbException or DbUpdateException or InvalidOperationException)
        {
            // Measurements only: losing them must not stop the next ones.
            _logger.LogWarning(e, "{Count} form steps could not be written and are lost.", steps.Count);
        }
    }

    private sealed record Step(string FormKey, string Page, FormStep Kind, Channel Channel, Guid ResidentId, DateTime At);

    /// <summary>The step with her group, if she agreed to be counted, and otherwise "unknown" for each attribute.</summary>
    public static FormEvent Event(Resident resident, string formKey, string page, FormStep step, Channel channel, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return Event(resident, formKey, page, step, channel, clock.GetUtcNow().UtcDateTime, clock.Today());
    }

    /// <summary>The same, at a given moment (a synthetic city's past).</summary>
    public static FormEvent Event(Resident resident, string formKey, string page, FormStep step, Channel channel, DateTime at, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(resident);
        var counted = resident.StatisticsConsent;
        return new FormEvent
        {
            FormKey = formKey,
            Page = page,
            Step = step,
            Channel = channel,
            AgeBand = counted ? AgeBand(resident.DateOfBirth, today) : "unknown",
            District = counted ? resident.DistrictCode ?? "none" : "unknown",
            Language = counted ? resident.PreferredLanguage ?? "none" : "unknown",
            Needs = !counted ? "unknown" : resident.AccessibilityNeeds == AccessibilityNeeds.None ? "none" : resident.AccessibilityNeeds.ToString(),
            At = at,
        };
    }

    public static string AgeBand(DateOnly? born, DateOnly today)
    {
        if (born is not { } b)
        {
            return "unknown";
        }

        var age = today.Year - b.Year - (b.AddYears(today.Year - b.Year) > today ? 1 : 0);
        return age switch { < 18 => "0-17", < 40 => "18-39", < 60 => "40-59", < 80 => "60-79", _ => "80+" };
    }
}
