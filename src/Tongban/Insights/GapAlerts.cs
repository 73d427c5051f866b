using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;

namespace Tongban.Insights;

/// <summary>A gap wider than its measure allows: which measure, by what, between which groups.</summary>
public sealed record GapAlert(Measure Measure, string Dimension, double Difference, double Threshold, InsightRow Worst, InsightRow Best);

/// <summary>A gap that widened from one complete month to the next and is now wider than its threshold.</summary>
public sealed record GapWidening(Measure Measure, string Dimension, string FromMonth, double From, string ToMonth, double To, double Threshold);

/// <summary>A form page where people gave up: how many, of how many who started the form.</summary>
public sealed record PageDropOff(string Form, string Page, int GaveUp, int Started, bool Suppressed);

/// <summary>
/// What staff must act on, over the twelve months, for the city, one department or one service: every measure whose gap between
/// the published groups of one grouping is wider than its threshold (<see cref="Measure.AlertGap"/>, or
/// <c>Insights:AlertGap:{measure}</c>), widest first; and the form pages where people give up, worst first.
/// </summary>
public sealed class GapAlerts(AppDbContext db, ReadInsights read, IConfiguration configuration)
{
    public double Threshold(Measure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        return configuration.GetValue($"Insights:AlertGap:{measure.Code}", measure.AlertGap);
    }

    public async Task<IReadOnlyList<GapAlert>> Handle(string? department, string? service, CancellationToken cancellationToken)
    {
        var cells = await read.SingleGroupings(InsightCounter.TwelveMonths, department, service, cancellationToken);
        var alerts = new List<GapAlert>();
        foreach (var measure in Measure.All.Where(m => department is null || !m.OfPeople))
        {
            foreach (var group in cells.Where(c => Dimension.Find(c.Dimension)?.OfPeople == true).GroupBy(c => c.Dimension))
            {
                var table = ReadInsights.Build(measure, group.Key, InsightCounter.TwelveMonths, group.ToList());
                if (table.Summary is { } summary && summary.Difference > Threshold(measure) && table.Extremes is var (worst, best))
                {
                    alerts.Add(new GapAlert(measure, group.Key, summary.Difference, Threshold(measure), worst, best));
                }
            }
        }

        return [.. alerts.OrderByDescending(a => a.Difference / a.Threshold)];
    }

    /// <summary>For the city, whose months are counted: the gaps that widened beyond their threshold in the last complete month.</summary>
    public async Task<IReadOnlyList<GapWidening>> Widened(CancellationToken cancellationToken)
    {
        var monthly = await db.InsightCells.AsNoTracking()
            .Where(c => c.Department == null && c.Period != InsightCounter.TwelveMonths && !c.Dimension.Contains(Dimension.Cross))
            .ToListAsync(cancellationToken);
        return Widened(monthly, Threshold);
    }

    /// <summary>
    /// Compares the last two complete months (the newest month, still in progress, is left out) for every measure and
    /// grouping of people: a gap wider than the month before and now above its threshold is one to act on.
    /// </summary>
    public static IReadOnlyList<GapWidening> Widened(IReadOnlyList<InsightCell> monthly, Func<Measure, double> threshold)
    {
        ArgumentNullException.ThrowIfNull(monthly);
        ArgumentNullException.ThrowIfNull(threshold);
        var months = monthly.Select(c => c.Period).Distinct().Order(StringComparer.Ordinal).SkipLast(1).TakeLast(2).ToList();
        if (months.Count < 2)
        {
            return [];
        }

        var widened = new List<GapWidening>();
        foreach (var measure in Measure.All)
        {
            foreach (var dimension in Dimension.All.Where(d => d.OfPeople))
            {
                double? Gap(string month) => ReadInsights.Build(measure, dimension.Code, month, [.. monthly.Where(c => c.Period == month && c.Dimension == dimension.Code)]).Summary?.Difference;
                if (Gap(months[0]) is { } from && Gap(months[1]) is { } to && to > from && to > threshold(measure))
                {
                    widened.Add(new GapWidening(measure, dimension.Code, months[0], from, months[1], to, threshold(measure)));
                }
            }
        }

        return [.. widened.OrderByDescending(w => w.To - w.From)];
    }

    public async Task<IReadOnlyList<PageDropOff>> DropOff(string? department, string? service, CancellationToken cancellationToken)
    {
        var cells = await db.InsightCells.AsNoTracking()
            .Where(c => c.Dimension == InsightCounter.PageDimension && (department == null || c.Department == department) && (service == null || c.Service == service))
            .ToListAsync(cancellationToken);
        return [.. cells.Select(c => (Cell: c, Parts: c.Group.Split(Dimension.GroupSeparator)))
            .Select(x => new PageDropOff(x.Parts[0], x.Parts.Length > 1 ? x.Parts[1] : "", x.Cell.Abandoned, x.Cell.DraftsStarted, x.Cell.Abandoned < Suppression.MinimumCount))
            .OrderByDescending(d => d.Suppressed ? 0 : (double)d.GaveUp / Math.Max(1, d.Started))];
    }
}
