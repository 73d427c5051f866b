using System.Globalization;
using Microsoft.Extensions.Localization;
using Tongban.Catalogue;
using Tongban.Platform.Localization;

namespace Tongban.Insights;

/// <summary>How groups, dimensions and values read, in the page's language.</summary>
public sealed class InsightText(IStringLocalizer<SharedResource> t, CatalogueSnapshot catalogue)
{
    public string Dimension(string code) => string.Join(" × ", code.Split(Insights.Dimension.Cross).Select(d => t[$"Dimension.{d}"].Value));

    public string Measure(Measure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        return t[measure.Name].Value;
    }

    /// <summary>A group as people say it: "75 and over", "Futian", "With access needs"; crossed groups joined by "·".</summary>
    public string Group(string dimension, string group)
    {
        ArgumentNullException.ThrowIfNull(dimension);
        ArgumentNullException.ThrowIfNull(group);
        var dimensions = dimension.Split(Insights.Dimension.Cross);
        var groups = group.Split(Insights.Dimension.GroupSeparator);
        return string.Join(" · ", groups.Select((g, i) => One(i < dimensions.Length ? dimensions[i] : "", g)));
    }

    private string One(string dimension, string group) => (dimension, group) switch
    {
        (_, Insights.Dimension.Unknown) => t["Not stated"].Value,
        ("age", "75+") => t["75 and over"].Value,
        ("age", _) => t["Aged {0}", group.Replace('-', '–')].Value,
        ("district", _) => catalogue.Districts.FirstOrDefault(d => d.Code == group)?.Name.Current ?? group,
        ("channel", _) => t[$"Channel.{group}"].Value,
        _ => t[$"Group.{dimension}.{group}"].Value,
    };

    public static string Value(Measure measure, double? value)
    {
        ArgumentNullException.ThrowIfNull(measure);
        if (value is not { } v)
        {
            return "–";
        }

        return measure.Unit switch
        {
            MeasureUnit.Share => (v * 100).ToString("0.0", CultureInfo.CurrentUICulture) + " %",
            MeasureUnit.PerThousand => v.ToString("0", CultureInfo.CurrentUICulture),
            _ => v.ToString("0.0", CultureInfo.CurrentUICulture),
        };
    }

    /// <summary>A measure's unit, said once in a table's heading.</summary>
    public string Unit(Measure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        return measure.Unit switch
        {
            MeasureUnit.Share => t["per cent"].Value,
            MeasureUnit.PerThousand => t["per 1,000 residents"].Value,
            _ => t["working days"].Value,
        };
    }

    public string Period(string period) =>
        period == InsightCounter.TwelveMonths ? t["the last twelve months"].Value
        : DateOnly.TryParseExact(period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) ? month.ToString("Y", CultureInfo.CurrentUICulture)
        : period;
}
