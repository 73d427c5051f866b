using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Tongban.Tests.Infrastructure;

/// <summary>The app with a clock the test moves by hand.</summary>
public class TongbanAppWithClock : TongbanApp
{
    public TongbanAppWithClock()
        : this(NineInTheMorningInTheCity(DateTimeOffset.UtcNow))
    {
    }

    protected TongbanAppWithClock(DateTimeOffset start) => Clock = new FakeTimeProvider(start);

    public FakeTimeProvider Time => Clock!;

    /// <summary>
    /// The next 09:00 in the city (UTC+8) from <paramref name="now"/>: tests see the same time of day whenever they run.
    /// A test once failed only because CI started it five minutes before midnight in China.
    /// </summary>
    private static DateTimeOffset NineInTheMorningInTheCity(DateTimeOffset now)
    {
        var city = now.ToOffset(TimeSpan.FromHours(8));
        var nine = new DateTimeOffset(city.Year, city.Month, city.Day, 9, 0, 0, city.Offset);
        return (nine < now ? nine.AddDays(1) : nine).ToUniversalTime();
    }

    /// <summary>
    /// Runs all the background jobs that are due at the fake clock's time, as the job loop would over its rounds (tests
    /// keep the loop off). One round takes the runner's batch, oldest first; a class's earlier tests can leave more
    /// than a batch due, so rounds repeat until one runs nothing (a test once failed because its letter was 21st).
    /// </summary>
    public async Task<int> RunDueJobs()
    {
        var runner = Services.GetRequiredService<Tongban.Platform.Jobs.JobRunner>();
        var total = 0;
        for (var round = 0; round < 100; round++)
        {
            var ran = await runner.RunDue(CancellationToken.None);
            if (ran == 0)
            {
                break;
            }

            total += ran;
        }

        return total;
    }
}

/// <summary>The app on Monday 9 February 2026, 09:00 in the city: the last working week before the Spring Festival holiday (15–23 February).</summary>
public sealed class TongbanAppBeforeSpringFestival() : TongbanAppWithClock(new DateTimeOffset(2026, 2, 9, 1, 0, 0, TimeSpan.Zero));

/// <summary>The app as it runs in production: no development inbox, an SMS gateway configured, behind a proxy that ends TLS.</summary>
public sealed class TongbanAppInProduction : TongbanApp
{
    public const string Proxy = "10.99.0.2";

    public TongbanAppInProduction()
    {
        Environment = "Production";
        Settings["ReverseProxy:KnownProxies:0"] = Proxy;
        Settings["Sms:Gateway:Url"] = "http://127.0.0.1:9/never-called";
        Settings["Sms:Gateway:Key"] = "test";
    }
}

/// <summary>The app with an SMS gateway a test can take down: messages still reach the development inbox while it is up.</summary>
public sealed class TongbanAppWithFlakySms : TongbanAppWithClock
{
    public FlakySms Sms { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.AddSingleton<Tongban.Platform.Sms.ISmsSender>(sp => Sms.Over(sp.GetRequiredService<Tongban.Platform.Sms.DevelopmentSmsInbox>()));
    }
}

public sealed class FlakySms : Tongban.Platform.Sms.ISmsSender
{
    private Tongban.Platform.Sms.ISmsSender? _inner;

    public bool Down { get; set; }

    public FlakySms Over(Tongban.Platform.Sms.ISmsSender inner)
    {
        _inner = inner;
        return this;
    }

    public Task Send(string mobileNumber, string text, CancellationToken cancellationToken) =>
        Down ? throw new HttpRequestException("gateway unavailable (test)") : _inner!.Send(mobileNumber, text, cancellationToken);
}

/// <summary>The app sending email to a real local SMTP server (and SMS to the development inbox).</summary>
public sealed class TongbanAppWithSmtp : TongbanAppWithClock
{
    public LocalSmtpServer Smtp { get; } = new();

    public override async ValueTask InitializeAsync()
    {
        Smtp.Start();
        Settings["Email:Smtp:Host"] = "127.0.0.1";
        Settings["Email:Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["Email:Smtp:Security"] = "None";
        Settings["Email:Smtp:From"] = "通办 Tongban <no-reply@tongban.test>";
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
