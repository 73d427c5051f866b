using Tongban.Insights.Seeding;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Insights;

/// <summary>The app with a small synthetic city seeded and counted, as <c>seed --residents 1500 --seed 11</c> makes it.</summary>
public sealed class SeededCity : TongbanAppWithClock
{
    public const int Residents = 1500;

    /// <summary>What the seed command printed (its output is not a terminal here: plain lines).</summary>
    public string SeedOutput { get; private set; } = "";

    /// <summary>The app on a real port, for tools outside the process (the Frictionless check).</summary>
    public Uri Site { get; private set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Site = StartRealServer(); // before anything starts the in-memory host
        using var output = new StringWriter();
        var code = await SeedCommand.Run(Services, ["--residents", $"{Residents}", "--seed", "11"], output, CancellationToken.None);
        SeedOutput = output.ToString();
        if (code != 0)
        {
            throw new InvalidOperationException($"seed failed: {SeedOutput}");
        }
    }
}
