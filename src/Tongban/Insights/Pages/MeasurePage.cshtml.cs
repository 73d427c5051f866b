using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tongban.Catalogue;
using Tongban.Platform.Localization;

namespace Tongban.Insights.Pages;

/// <summary>
/// <c>/insights/{measure}?by=age&amp;cross=district&amp;period=2026-11</c>: one measure by the groups of a dimension
/// (or two crossed), as a chart with a table beside it, the gap's summary measures, and the gap month by month.
/// Public: the city's gaps are everyone's to see.
/// </summary>
public sealed class MeasurePageModel(ReadInsights read, CatalogueStore catalogue, IStringLocalizer<SharedResource> t) : PageModel
{
    public Measure Measure { get; private set; } = null!;
    public InsightText Text { get; private set; } = null!;
    public InsightTable? Table { get; private set; }
    public IReadOnlyList<(string Month, double? Difference)> Trend { get; private set; } = [];
    public IReadOnlyList<string> Periods { get; private set; } = [];
    public string By { get; private set; } = Dimension.Age.Code;
    public string? Cross { get; private set; }
    public string Period { get; private set; } = InsightCounter.TwelveMonths;

    /// <summary>What was wrong with the address, shown instead of the table (with status 400).</summary>
    public string? Problem { get; private set; }

    public string DimensionCode => Cross is null ? By : $"{By}{Dimension.Cross}{Cross}";

    public async Task<IActionResult> OnGet(string measure, string? by, string? cross, string? period, CancellationToken cancellationToken)
    {
        if (Measure.Find(measure) is not { } found)
        {
            return NotFound();
        }

        Measure = found;
        Text = new InsightText(t, await catalogue.Current(cancellationToken));
        Periods = await read.Periods(cancellationToken);
        By = by ?? Dimension.Age.Code;
        Cross = string.IsNullOrEmpty(cross) ? null : cross;
        Period = period ?? InsightCounter.TwelveMonths;
        Problem = Dimension.Find(By) is null || (Cross is not null && Dimension.Find(Cross) is null) ? t["There is no such group. Choose one of those listed."].Value
            : Cross == By ? t["Choose two different ways of grouping to cross."].Value
            : !Measure.AppliesTo(DimensionCode) ? t["This measure is about residents, so it cannot be shown by channel."].Value
            : Periods.Count > 0 && !Periods.Contains(Period) ? t["There are no figures for that period. Choose one of those listed."].Value
            : null;
        if (Problem is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        // Crossings are published in the order of Dimension.All, whichever way round they were asked for.
        var (first, second) = Cross is null ? (By, null) : Dimension.All.ToList().FindIndex(d => d.Code == By) < Dimension.All.ToList().FindIndex(d => d.Code == Cross) ? (By, Cross) : (Cross, By);
        (By, Cross) = (first, second);
        Table = await read.Table(Measure, DimensionCode, Period, cancellationToken);
        Trend = Cross is null ? await read.Trend(Measure, DimensionCode, cancellationToken) : [];
        return Page();
    }
}
