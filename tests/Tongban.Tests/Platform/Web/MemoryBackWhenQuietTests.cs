using Tongban.Platform.Web;

namespace Tongban.Tests.Platform.Web;

/// <summary>
/// When a node gives back the memory a burst of work left committed: once it has gone quiet after work, and not again
/// until there has been new work. What one collection gives back is measured by the memory benchmark (bench/).
/// </summary>
public sealed class MemoryBackWhenQuietTests
{
    private const long MB = 1024 * 1024;

    [Fact]
    public void AfterWork_TheFirstQuietPeriodGivesBack_AndOnlyNewWorkMakesItGiveBackAgain()
    {
        var watch = new MemoryBackWhenQuiet.Watch(allocated: 300 * MB); // start-up: migrations, the search index

        Assert.False(watch.GiveBackNow(500 * MB)); // busy: 200 MB in the period
        Assert.True(watch.GiveBackNow(501 * MB)); // quiet now, after work
        watch.GivenBack(502 * MB);
        Assert.False(watch.GiveBackNow(503 * MB)); // still quiet, nothing new to give back
        Assert.False(watch.GiveBackNow(505 * MB)); // health checks and jobs' polling, period after period
        Assert.False(watch.GiveBackNow(600 * MB)); // a burst
        Assert.True(watch.GiveBackNow(601 * MB)); // quiet again after it
    }

    [Fact]
    public void ASteadyTrickleOfPages_IsNeverQuiet_AndALittleWorkIsLeftToTheCollector()
    {
        var busy = new MemoryBackWhenQuiet.Watch(allocated: 0);
        for (var i = 1; i <= 20; i++)
        {
            Assert.False(busy.GiveBackNow(i * 10 * MB)); // 10 MB every period: a node serving pages
        }

        var little = new MemoryBackWhenQuiet.Watch(allocated: 0);
        little.GivenBack(0);
        Assert.False(little.GiveBackNow(3 * MB)); // quiet, but 3 MB since the last time is not worth a collection
    }
}
