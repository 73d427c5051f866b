using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Platform.Web;

/// <summary>A node told to stop takes itself out of rotation first: not ready at once, still serving while it drains.</summary>
public sealed class DrainingTests
{
    [Fact]
    public async Task ANodeToldToStop_IsNotReady_ButStillServes_WhileItDrains()
    {
        await using var app = new TongbanApp();
        app.Settings["Lifecycle:DrainSeconds"] = "3";
        await app.InitializeAsync();
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);

        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        var stopping = Task.Run(lifetime.StopApplication, TestContext.Current.CancellationToken);
        await WaitFor(() => lifetime.ApplicationStopping.IsCancellationRequested);

        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
        var page = await client.GetAsync(new Uri("/services", UriKind.Relative), TestContext.Current.CancellationToken);
        var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        await stopping;
    }

    private static async Task WaitFor(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.True(condition());
    }
}
