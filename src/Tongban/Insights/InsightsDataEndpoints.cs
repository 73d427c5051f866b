using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Tongban.Insights;

/// <summary>
/// The observatory's open data: one table per measure, as CSV and as JSON, described by a Frictionless Data Package
/// (<c>/insights/data/datapackage.json</c>, a Table Schema per file) so that anyone's tools can check and read it.
/// Only what the pages publish: suppressed groups are there, marked, without a value or a count.
/// </summary>
public static class InsightsDataEndpoints
{
    public static IEndpointRouteBuilder MapInsightsData(this IEndpointRouteBuilder endpoints)
    {
        var data = endpoints.MapGroup("/insights/data").WithTags("Inclusion observatory (open data)");
        data.MapGet("/datapackage.json", DataPackage).WithName("getInsightsDataPackage").WithSummary("The Frictionless Data Package describing every table.");
        data.MapGet("/{file}", Table).WithName("getInsightsTable").WithSummary("One measure's table, as {measure}.csv or {measure}.json.");
        return endpoints;
    }

    private static readonly object[] Fields =
    [
        new { name = "period", type = "string", description = "\"12m\" for the twelve months to the day of counting, or a month as YYYY-MM" },
        new { name = "dimension", type = "string", description = "How people are grouped: age, district, sex, hukou, language, disability, channel, or two of them joined by ×" },
        new { name = "group", type = "string", description = "The group's code; two joined by | for crossed groups; \"unknown\" for those not agreeing to be counted by group" },
        new { name = "value", type = "number", description = "The measure's value: a share from 0 to 1, a number per 1,000 residents, or working days; empty when suppressed" },
        new { name = "count", type = "integer", description = "How many people or cases the value is about; empty when suppressed" },
        new { name = "suppressed", type = "boolean", description = "True when the group is too small to publish (fewer than 10), or hidden so that such a group cannot be worked out" },
    ];

    private static Ok<object> DataPackage() => TypedResults.Ok<object>(new
    {
        // "data-package": its CSV resources are tabular, their JSON copies plain data resources (see Resource).
        profile = "data-package",
        name = "tongban-inclusion-observatory",
        title = "Tongban inclusion observatory: who the city's services leave behind",
        licenses = new[] { new { name = "CC-BY-4.0", title = "Creative Commons Attribution 4.0", path = "https://creativecommons.org/licenses/by/4.0/" } },
        resources = Measure.All.SelectMany(m => new object[]
        {
            Resource(m, "csv", "text/csv"),
            Resource(m, "json", "application/json"),
        }).ToArray(),
    });

    private static object Resource(Measure measure, string format, string mediaType) => new
    {
        name = $"{measure.Code}-{format}",
        title = measure.Name,
        path = $"{measure.Code}.{format}",
        // Frictionless v1 reads tabular data from CSV; the JSON copy is a data resource with the same Table Schema.
        profile = format == "csv" ? "tabular-data-resource" : "data-resource",
        format,
        mediatype = mediaType,
        encoding = "utf-8",
        schema = new { fields = Fields, missingValues = new[] { "" }, primaryKey = new[] { "period", "dimension", "group" } },
    };

    private static async Task<IResult> Table(string file, ReadInsights read, CancellationToken cancellationToken)
    {
        var extension = Path.GetExtension(file);
        if (Measure.Find(Path.GetFileNameWithoutExtension(file)) is not { } measure || extension is not (".csv" or ".json"))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such table",
                detail: $"Tables are named after a measure and end in .csv or .json: {string.Join(", ", Measure.All.Select(m => m.Code + ".csv"))}.");
        }

        var rows = (await read.All(measure, cancellationToken)).SelectMany(t => t.Rows.Select(r => (t.Period, t.Dimension, Row: r))).ToList();
        if (extension == ".json")
        {
            // A JSON table as Frictionless reads inline data: one object per row, keyed by the schema's field names.
            return TypedResults.Json(rows.Select(r => new Dictionary<string, object?>
            {
                ["period"] = r.Period,
                ["dimension"] = r.Dimension,
                ["group"] = r.Row.Group,
                ["value"] = r.Row.Value,
                ["count"] = r.Row.Suppressed ? null : r.Row.Count,
                ["suppressed"] = r.Row.Suppressed,
            }));
        }

        var csv = new StringBuilder("period,dimension,group,value,count,suppressed\r\n");
        foreach (var (period, dimension, row) in rows)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{period},{dimension},{row.Group},{row.Value?.ToString("R", CultureInfo.InvariantCulture)},{(row.Suppressed ? "" : row.Count.ToString(CultureInfo.InvariantCulture))},{(row.Suppressed ? "true" : "false")}\r\n");
        }

        return TypedResults.Text(csv.ToString(), "text/csv; charset=utf-8");
    }
}
