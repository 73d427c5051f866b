using Microsoft.EntityFrameworkCore;
using Tongban.Insights.Inequality;
using Tongban.Platform.Data;

namespace Tongban.Insights;

/// <summary>One group's published value: null when suppressed (too few) or when there is nothing to measure.</summary>
public sealed record InsightRow(string Group, double? Value, int Count, bool Suppressed);

/// <summary>A measure by the groups of a dimension (or a crossing of two) in one period, with the gap between them.</summary>
public sealed record InsightTable(Measure Measure, string Dimension, string Period, IReadOnlyList<InsightRow> Rows, InequalitySummary? Summary, DateTime? ComputedAt)
{
    /// <summary>The published groups other than "unknown", those a gap is measured between.</summary>
    public IEnumerable<InsightRow> Known => Rows.Where(r => r.Value is not null && !r.Group.Split(Insights.Dimension.GroupSeparator).Contains(Insights.Dimension.Unknown));

    /// <summary>The worst and the best of the <see cref="Known"/> groups, as the measure judges them; null with fewer than two.</summary>
    public (InsightRow Worst, InsightRow Best)? Extremes =>
        Known.OrderBy(r => Measure.HigherIsBetter ? r.Value : -r.Value).ToList() is [var worst, .., var best] ? (worst, best) : null;
}

/// <summary>Reads the observatory's cells: tables, with small groups suppressed, and the gap's trend by month.</summary>
public sealed class ReadInsights(AppDbContext db)
{
    /// <summary>The periods counted, "12m" first, then the months newest first.</summary>
    public async Task<IReadOnlyList<string>> Periods(CancellationToken cancellationToken) =>
        (await db.InsightCells.AsNoTracking().Select(c => c.Period).Distinct().ToListAsync(cancellationToken))
        .OrderBy(p => p == InsightCounter.TwelveMonths ? 0 : 1).ThenByDescending(p => p, StringComparer.Ordinal).ToList();

    /// <summary>
    /// The cells of every single grouping (no crossings, no form pages) in one period, for the city, a department or one
    /// of its services: one query for pages that weigh every grouping.
    /// </summary>
    public async Task<IReadOnlyList<InsightCell>> SingleGroupings(string period, string? department, string? service, CancellationToken cancellationToken) =>
        await db.InsightCells.AsNoTracking()
            .Where(c => c.Period == period && c.Department == department && c.Service == service && !c.Dimension.Contains(Insights.Dimension.Cross) && c.Dimension != InsightCounter.PageDimension)
            .ToListAsync(cancellationToken);

    /// <summary>The city's table.</summary>
    public Task<InsightTable> Table(Measure measure, string dimension, string period, CancellationToken cancellationToken) =>
        Table(measure, dimension, period, null, null, cancellationToken);

    /// <summary>
    /// A department's table (its services only, counted over the twelve months, one grouping at a time), or one of its
    /// services' when <paramref name="service"/> is given, or the city's when <paramref name="department"/> is null.
    /// </summary>
    public async Task<InsightTable> Table(Measure measure, string dimension, string period, string? department, string? service, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(measure);
        var cells = await db.InsightCells.AsNoTracking().Where(c => c.Period == period && c.Dimension == dimension && c.Department == department && c.Service == service).ToListAsync(cancellationToken);
        return Build(measure, dimension, period, cells);
    }

    /// <summary>
    /// Month by month (oldest first), the gap between the best and the worst published group; null where fewer than two
    /// were published. The month in progress is left out: a few days' figures would read as a change.
    /// </summary>
    public async Task<IReadOnlyList<(string Month, double? Difference)>> Trend(Measure measure, string dimension, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(measure);
        var cells = await db.InsightCells.AsNoTracking().Where(c => c.Dimension == dimension && c.Period != InsightCounter.TwelveMonths && c.Department == null).ToListAsync(cancellationToken);
        return cells.GroupBy(c => c.Period).OrderBy(g => g.Key, StringComparer.Ordinal).SkipLast(1)
            .Select(g => (g.Key, Build(measure, dimension, g.Key, g.ToList()).Summary?.Difference)).ToList();
    }

    /// <summary>Every published table of a measure, all periods and groupings: the open data.</summary>
    public async Task<IReadOnlyList<InsightTable>> All(Measure measure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(measure);
        var cells = await db.InsightCells.AsNoTracking().Where(c => c.Department == null).ToListAsync(cancellationToken);
        return cells.Where(c => measure.AppliesTo(c.Dimension)).GroupBy(c => (c.Period, c.Dimension))
            .OrderBy(g => g.Key.Period == InsightCounter.TwelveMonths ? 0 : 1).ThenByDescending(g => g.Key.Period, StringComparer.Ordinal).ThenBy(g => g.Key.Dimension, StringComparer.Ordinal)
            .Select(g => Build(measure, g.Key.Dimension, g.Key.Period, g.ToList())).ToList();
    }

    /// <summary>Orders the groups as the dimension does, suppresses the small ones, and summarises the gap between the rest.</summary>
    public static InsightTable Build(Measure measure, string dimension, string period, IReadOnlyList<InsightCell> cells)
    {
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentNullException.ThrowIfNull(cells);
        var suppressed = Suppression.Suppressed(cells.ToDictionary(c => c.Group, measure.Denominator, StringComparer.Ordinal));
        var rows = cells.OrderBy(c => Order(dimension, c.Group)).Select(c =>
        {
            var hidden = suppressed.Contains(c.Group);
            return new InsightRow(c.Group, hidden ? null : measure.ValueOf(c), hidden ? 0 : measure.Denominator(c), hidden);
        }).ToList();
        var table = new InsightTable(measure, dimension, period, rows, null, cells.Count == 0 ? null : cells.Max(c => c.ComputedAt));
        var known = table.Known.ToList();
        if (known.Count < 2)
        {
            return table;
        }

        var ordered = !dimension.Contains(Insights.Dimension.Cross, StringComparison.Ordinal) && Insights.Dimension.Find(dimension)?.Ordered == true;
        var summary = InequalityMeasures.Summarise([.. known.Select(r => new GroupEstimate(r.Group, r.Value!.Value, r.Count))], ordered, measure.HigherIsBetter, share: measure.Unit == MeasureUnit.Share);
        return table with { Summary = summary };
    }

    /// <summary>The dimension's own order of groups (crossings by the first, then the second), "unknown" last.</summary>
    private static (int, int) Order(string dimension, string group)
    {
        var dimensions = dimension.Split(Insights.Dimension.Cross);
        var groups = group.Split(Insights.Dimension.GroupSeparator);
        int IndexIn(int i) => i < dimensions.Length && i < groups.Length && Insights.Dimension.Find(dimensions[i]) is { } d
            ? d.Groups.ToList().IndexOf(groups[i]) is var x and >= 0 ? x : int.MaxValue
            : int.MaxValue;
        return (IndexIn(0), IndexIn(1));
    }
}
