using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Tongban.Tests.Infrastructure;

/// <summary>The app with a clock the test moves by hand.</summary>
public class TongbanAppWithClock : TongbanApp
{
    public TongbanAppWithClock()
        : this(DateTimeOffset.UtcNow)
    {
    }

    protected TongbanAppWithClock(DateTimeOffset start) => Clock = new FakeTimeProvider(start);

    public FakeTimeProvider Time => Clock!;

    /// <summary>Runs the background jobs that are due at the fake clock's time, as the job loop would (tests keep the loop off).</summary>
    public Task<int> RunDueJobs() => Services.GetRequiredService<Tongban.Platform.Jobs.JobRunner>().RunDue(CancellationToken.None);
}

/// <summary>The app on Monday 9 February 2026, 09:00 in the city: the last working week before the Spring Festival holiday (15–23 February).</summary>
public sealed class TongbanAppBeforeSpringFestival() : TongbanAppWithClock(new DateTimeOffset(2026, 2, 9, 1, 0, 0, TimeSpan.Zero));

/// <summary>The app as it runs in production: no development inbox, an SMS gateway configured.</summary>
public sealed class TongbanAppInProduction : TongbanApp
{
    public TongbanAppInProduction()
    {
        Environment = "Production";
        Settings["Sms:Gateway:Url"] = "http://127.0.0.1:9/never-called";
        Settings["Sms:Gateway:Key"] = "test";
    }
}
