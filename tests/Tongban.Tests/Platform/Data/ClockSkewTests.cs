using System.Net;
using Tongban.Platform.Data;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Platform.Data;

/// <summary>On several nodes (PostgreSQL), a node whose clock disagrees with the database's is not ready; on SQLite there is one clock.</summary>
public sealed class ClockSkewTests
{
    private sealed class ClockAhead : TongbanAppWithClock
    {
        public ClockAhead()
            : base(DateTimeOffset.UtcNow.AddMinutes(10))
        {
        }
    }

    [Fact]
    public async Task ANodeWhoseClockIsTenMinutesAhead_IsNotReady_OnSeveralNodes()
    {
        await using var app = new ClockAhead();
        await app.InitializeAsync();
        using var client = app.CreateClient();

        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(TestDatabase.RequestedProvider == DatabaseSetup.Sqlite ? HttpStatusCode.OK : HttpStatusCode.ServiceUnavailable, ready.StatusCode);
    }

    [Fact]
    public async Task ANodeWhoseClockAgrees_IsReady()
    {
        await using var app = new TongbanApp();
        await app.InitializeAsync();
        using var client = app.CreateClient();

        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }
}
