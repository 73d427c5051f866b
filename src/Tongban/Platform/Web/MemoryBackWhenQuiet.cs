using System.Diagnostics;

namespace Tongban.Platform.Web;

/// <summary>
/// Gives back to the system the memory a burst of work left committed, once the node has gone quiet (ADR 0040). The
/// garbage collector keeps what a load made it commit until it collects again, and a quiet node allocates too little
/// to make it: a node that served a morning's queue held it all night. When less than
/// <see cref="QuietBytes"/> were allocated in the last <see cref="Period"/>, and more than <see cref="WorkBytes"/>
/// since the last time, one aggressive, compacting collection runs (what the runtime's documentation advises for a
/// process about to be idle), and the C library's heap is trimmed (<see cref="NativeHeap"/>). Its pause is a few tens
/// of milliseconds, on a node with nothing to do.
/// <c>Memory:GiveBackWhenQuiet</c> false turns it off.
/// </summary>
internal sealed class MemoryBackWhenQuiet(IConfiguration configuration, ILogger<MemoryBackWhenQuiet> logger) : BackgroundService
{
    /// <summary>How often the node looks at what it allocated.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(5);

    /// <summary>Quiet: health checks, the jobs' polling and a stray page allocate less than this in a period.</summary>
    public const long QuietBytes = 4L * 1024 * 1024;

    /// <summary>Work worth giving back: less than this since the last collection is left to the collector.</summary>
    public const long WorkBytes = 64L * 1024 * 1024;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Memory:GiveBackWhenQuiet", true))
        {
            return;
        }

        using var timer = new PeriodicTimer(Period);
        var watch = new Watch(GC.GetTotalAllocatedBytes());
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (watch.GiveBackNow(GC.GetTotalAllocatedBytes()))
            {
                var (committed, clock) = (GC.GetGCMemoryInfo().TotalCommittedBytes, Stopwatch.StartNew());
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                NativeHeap.Trim();
                logger.LogInformation("Quiet after work: the managed heap went from {Before} MB to {After} MB committed, in {Milliseconds} ms.",
                    committed >> 20, GC.GetGCMemoryInfo().TotalCommittedBytes >> 20, clock.ElapsedMilliseconds);
                watch.GivenBack(GC.GetTotalAllocatedBytes());
            }
        }
    }

    /// <summary>What was allocated, period after period: whether the node has just gone quiet after work.</summary>
    /// <param name="allocated">Bytes allocated since the process started, when the watch starts (all of it is work to give back).</param>
    public sealed class Watch(long allocated)
    {
        private long _before = allocated;
        private long _givenBack;

        /// <param name="allocated">Bytes allocated since the process started, now.</param>
        public bool GiveBackNow(long allocated)
        {
            var quiet = allocated - _before < QuietBytes && allocated - _givenBack > WorkBytes;
            _before = allocated;
            return quiet;
        }

        /// <summary>Once given back, only new work is worth giving back again: a quiet node is not collected period after period.</summary>
        public void GivenBack(long allocated) => (_before, _givenBack) = (allocated, allocated);
    }
}
