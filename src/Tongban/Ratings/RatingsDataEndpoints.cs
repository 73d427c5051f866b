using System.Globalization;
using System.Text;

namespace Tongban.Ratings;

/// <summary>
/// 好差评 as open data, exactly what <c>/ratings</c> publishes: <c>/ratings/data/figures.csv|json</c> (each department and
/// service: ratings by level, bad reviews, answered on time; too few ratings marked suppressed, without counts) and
/// <c>/ratings/data/rectifications.csv|json</c> (the latest answers to bad reviews of services shown, without names) and
/// <c>/ratings/data/pages.csv|json</c> ("was this page helpful?" by service page, apart from the ratings).
/// </summary>
public static class RatingsDataEndpoints
{
    public static IEndpointRouteBuilder MapRatingsData(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/ratings/data/{file}", Table).WithTags("Ratings (open data)").WithName("getRatingsTable")
            .WithSummary("figures, rectifications or pages, each .csv or .json");
        return endpoints;
    }

    private static async Task<IResult> Table(string file, RatingFigures figures, Helpful.PageFeedbackFigures pages, CancellationToken cancellationToken)
    {
        var (name, extension) = (Path.GetFileNameWithoutExtension(file), Path.GetExtension(file));
        if (name is not ("figures" or "rectifications" or "pages") || extension is not (".csv" or ".json"))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such table",
                detail: "The tables are figures, rectifications and pages, each as .csv or .json.");
        }

        List<Dictionary<string, object?>> rows;
        string[] columns;
        if (name == "pages")
        {
            (rows, columns) = ((await pages.Handle(cancellationToken)).Select(Page).ToList(), PageColumns);
        }
        else
        {
            var (departments, services) = await figures.Handle(cancellationToken);
            rows = name == "figures"
                ? departments.Select(r => Figures("department", r)).Concat(services.Select(r => Figures("service", r))).ToList()
                : await Rectifications(figures, services, cancellationToken);
            columns = name == "figures" ? FigureColumns : RectificationColumns;
        }

        return extension == ".json" ? TypedResults.Json(rows) : TypedResults.Text(Csv(columns, rows), "text/csv; charset=utf-8");
    }

    private static readonly string[] FigureColumns = ["kind", "code", "ratings", "level_1", "level_2", "level_3", "level_4", "level_5", "bad_reviews", "answered", "answered_on_time", "suppressed"];
    private static readonly string[] RectificationColumns = ["service", "department", "answered_on", "on_time", "found", "changed"];
    private static readonly string[] PageColumns = ["service", "answers", "helpful", "hard_to_understand", "something_missing", "something_wrong", "could_not_do_it", "suppressed"];

    private static Dictionary<string, object?> Page(Helpful.PageFeedbackRow row) => new()
    {
        ["service"] = row.ServiceCode,
        ["answers"] = row.Suppressed ? null : row.Answers,
        ["helpful"] = row.Helpful,
        ["hard_to_understand"] = row.Reasons?[Helpful.PageFeedbackReason.HardToUnderstand],
        ["something_missing"] = row.Reasons?[Helpful.PageFeedbackReason.SomethingMissing],
        ["something_wrong"] = row.Reasons?[Helpful.PageFeedbackReason.SomethingWrong],
        ["could_not_do_it"] = row.Reasons?[Helpful.PageFeedbackReason.CouldNotDoIt],
        ["suppressed"] = row.Suppressed,
    };

    private static Dictionary<string, object?> Figures(string kind, RatingRow row) => new()
    {
        ["kind"] = kind,
        ["code"] = row.Code,
        ["ratings"] = row.Suppressed ? null : row.Ratings,
        ["level_1"] = row.Levels?[0],
        ["level_2"] = row.Levels?[1],
        ["level_3"] = row.Levels?[2],
        ["level_4"] = row.Levels?[3],
        ["level_5"] = row.Levels?[4],
        ["bad_reviews"] = row.BadReviews,
        ["answered"] = row.Answered,
        ["answered_on_time"] = row.AnsweredOnTime,
        ["suppressed"] = row.Suppressed,
    };

    private static async Task<List<Dictionary<string, object?>>> Rectifications(RatingFigures figures, IReadOnlyList<RatingRow> services, CancellationToken cancellationToken)
    {
        var shown = services.Where(s => !s.Suppressed).Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        return (await figures.Latest(200, cancellationToken)).Where(r => shown.Contains(r.ServiceCode)).Select(r => new Dictionary<string, object?>
        {
            ["service"] = r.ServiceCode,
            ["department"] = r.DepartmentCode,
            ["answered_on"] = DateOnly.FromDateTime(Platform.Calendar.CityTime.Local(r.AnsweredAt)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["on_time"] = r.OnTime,
            ["found"] = r.Found,
            ["changed"] = r.Changed,
        }).ToList();
    }

    /// <summary>RFC 4180: a header, then one line per row; text quoted, its quotes doubled; empty for nothing.</summary>
    private static string Csv(string[] columns, List<Dictionary<string, object?>> rows)
    {
        var csv = new StringBuilder().Append(string.Join(',', columns)).Append("\r\n");
        foreach (var row in rows)
        {
            csv.Append(string.Join(',', columns.Select(c => row[c]).Select(v => v switch
            {
                null => "",
                bool b => b ? "true" : "false",
                string s => "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"",
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => v.ToString(),
            }))).Append("\r\n");
        }

        return csv.ToString();
    }
}
