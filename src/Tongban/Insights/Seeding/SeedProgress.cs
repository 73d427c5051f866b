using System.Diagnostics;
using System.Globalization;

namespace Tongban.Insights.Seeding;

/// <summary>
/// Shows how far the seed has come: on a terminal, one bar redrawn in place with counts and time left; when the
/// output goes to a file or a pipe, a plain line every tenth of the way, which a log keeps readable.
/// </summary>
public sealed class SeedProgress(TextWriter output, bool terminal, int total)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _lastTenth = -1;

    public TimeSpan Elapsed => _clock.Elapsed;

    public void Report(int residents, int cases)
    {
        var fraction = total == 0 ? 1 : Math.Min(1, (double)residents / total);
        var left = fraction <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(_clock.Elapsed.TotalSeconds * (1 - fraction) / fraction);
        var counts = string.Format(CultureInfo.InvariantCulture, "{0:N0}/{1:N0} residents, {2:N0} cases", residents, total, cases);
        if (terminal)
        {
            const int width = 30;
            var filled = (int)Math.Round(fraction * width);
            output.Write(string.Format(CultureInfo.InvariantCulture, "\r[{0}{1}] {2,3:0}% {3} · {4:mm\\:ss} left ", new string('#', filled), new string('-', width - filled), fraction * 100, counts, left));
            if (fraction >= 1)
            {
                output.WriteLine();
            }

            return;
        }

        var tenth = (int)(fraction * 10);
        if (tenth > _lastTenth)
        {
            _lastTenth = tenth;
            output.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0:0}% {1}, {2:mm\\:ss} elapsed, about {3:mm\\:ss} left", fraction * 100, counts, _clock.Elapsed, left));
        }
    }
}
