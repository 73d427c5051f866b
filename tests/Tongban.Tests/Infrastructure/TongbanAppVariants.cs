using Microsoft.Extensions.Time.Testing;

namespace Tongban.Tests.Infrastructure;

/// <summary>The app with a clock the test moves by hand.</summary>
public class TongbanAppWithClock : TongbanApp
{
    public TongbanAppWithClock() => Clock = new FakeTimeProvider(DateTimeOffset.UtcNow);

    public FakeTimeProvider Time => Clock!;
}

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
