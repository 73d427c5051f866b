namespace Tongban.Insights;

/// <summary>
/// Small groups are never published (DESIGN principle 7): a value about fewer than <see cref="MinimumCount"/> people
/// or cases is suppressed; and when exactly one group of a table would be, the next smallest is too, so that no
/// suppressed value can be had back by subtracting the others from a total.
/// </summary>
public static class Suppression
{
    public const int MinimumCount = 10;

    /// <summary>The groups of one table to suppress, given how many each value is about.</summary>
    public static IReadOnlySet<string> Suppressed(IReadOnlyDictionary<string, int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var suppressed = counts.Where(c => c.Value > 0 && c.Value < MinimumCount).Select(c => c.Key).ToHashSet();
        if (suppressed.Count == 1 && counts.Where(c => c.Value >= MinimumCount).OrderBy(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).FirstOrDefault() is { Key: { } next })
        {
            suppressed.Add(next);
        }

        return suppressed;
    }
}
