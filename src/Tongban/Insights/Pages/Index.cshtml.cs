using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tongban.Catalogue;
using Tongban.Platform.Localization;

namespace Tongban.Insights.Pages;

/// <summary>One headline: where a measure's gap is widest, between which groups, and how it moved.</summary>
public sealed record Headline(Measure Measure, string Dimension, InsightRow Worst, InsightRow Best, double? FirstMonthGap, double? LastMonthGap, string? FirstMonth, string? LastMonth);

/// <summary>
/// <c>/insights</c>: the city's headline gaps in plain words, for everyone, without signing in: for each measure the
/// grouping where the gap is widest over the last twelve months, and how it has moved month by month.
/// </summary>
public sealed class IndexModel(ReadInsights read, CatalogueStore catalogue, IStringLocalizer<SharedResource> t) : PageModel
{
    /// <summary>The groupings a headline may name: a resident's, not the channel (which is where she went, not who she is).</summary>
    private static readonly Dimension[] OfPeople = [.. Dimension.All.Where(d => d.OfPeople)];

    public IReadOnlyList<Headline> Headlines { get; private set; } = [];
    public InsightText Text { get; private set; } = null!;

    public async Task OnGet(CancellationToken cancellationToken)
    {
        Text = new InsightText(t, await catalogue.Current(cancellationToken));
        var headlines = new List<Headline>();
        var cells = await read.SingleGroupings(InsightCounter.TwelveMonths, null, null, cancellationToken);
        foreach (var measure in Measure.All)
        {
            Headline? widest = null;
            var widestRatio = 1.0;
            foreach (var dimension in OfPeople)
            {
                var table = ReadInsights.Build(measure, dimension.Code, InsightCounter.TwelveMonths, [.. cells.Where(c => c.Dimension == dimension.Code)]);
                if (table.Extremes is not var (worst, best))
                {
                    continue;
                }

                var ratio = Math.Max(worst.Value!.Value, best.Value!.Value) / Math.Max(1e-9, Math.Min(worst.Value.Value, best.Value.Value));
                if (ratio > widestRatio)
                {
                    (widestRatio, widest) = (ratio, new Headline(measure, dimension.Code, worst, best, null, null, null, null));
                }
            }

            if (widest is not null)
            {
                var trend = (await read.Trend(measure, widest.Dimension, cancellationToken)).Where(m => m.Difference is not null).ToList();
                headlines.Add(trend.Count < 2 ? widest : widest with
                {
                    FirstMonth = trend[0].Month,
                    FirstMonthGap = trend[0].Difference,
                    LastMonth = trend[^1].Month,
                    LastMonthGap = trend[^1].Difference,
                });
            }
        }

        Headlines = headlines;
    }
}
