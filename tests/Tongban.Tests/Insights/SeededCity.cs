using Tongban.Insights.Seeding;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Insights;

/// <summary>
/// The app with a small synthetic city seeded and counted, as <c>seed --residents 1500 --seed 11</c> makes it, served
/// on a real port for tools outside the process (Chromium, the Frictionless check).
/// </summary>
public class SeededCity : TongbanAppWithClock
{
    public const int Residents = 1500;

    /// <summary>What the seed command printed (its output is not a terminal here: plain lines).</summary>
    public string SeedOutput { get; private set; } = "";

    /// <summary>Whether it is served on a real port (<see cref="Site"/>), where in-process clients such as FormClient do not reach it.</summary>
    protected virtual bool OnRealPort => true;

    /// <summary>The app on a real port, for tools outside the process (the Frictionless check).</summary>
    public Uri Site { get; private set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        if (OnRealPort)
        {
            Site = StartRealServer(); // before anything starts the in-memory host
        }

        using var output = new StringWriter();
        var code = await SeedCommand.Run(Services, ["--residents", $"{Residents}", "--seed", "11"], output, CancellationToken.None);
        SeedOutput = output.ToString();
        if (code != 0)
        {
            throw new InvalidOperationException($"seed failed: {SeedOutput}");
        }
    }
}

/// <summary>The same seeded city, in process only, for signed-in FormClients (staff).</summary>
public sealed class SeededCityInProcess : SeededCity
{
    protected override bool OnRealPort => false;
}
