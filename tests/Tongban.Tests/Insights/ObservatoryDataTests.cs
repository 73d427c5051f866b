using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tongban.Insights;
using Tongban.Tests.Insights.Frictionless;

namespace Tongban.Tests.Insights;

/// <summary>The open data: every table as CSV and JSON, a Data Package the Frictionless library accepts, and nobody in it.</summary>
public sealed partial class ObservatoryTests
{
    [Fact]
    public async Task TheDataPackage_IsAcceptedByTheFrictionlessLibrary_RowsIncluded()
    {
        var verdict = await FrictionlessCheck.Validate(new Uri(app.Site, "/insights/data/datapackage.json"));

        Assert.True(verdict.Valid && verdict.Problems.Count == 0, string.Join("\n", verdict.Problems));
        Assert.Equal(Measure.All.Count * 2, verdict.Resources);
        Assert.Equal(Measure.All.Count, verdict.Tabular); // every CSV read and cast against its Table Schema
        Assert.True(verdict.Rows > 1000, $"{verdict.Rows} rows");
    }

    [Fact]
    public async Task EveryTable_IsThereAsCsvAndJson_WithSuppressedGroupsMarked_AndNobodyInIt()
    {
        var (status, csv) = await Get("/insights/data/approval-rate.csv");
        Assert.Equal(HttpStatusCode.OK, status);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("period,dimension,group,value,count,suppressed", lines[0]);
        var suppressed = lines.Where(l => l.EndsWith(",true", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(suppressed);
        Assert.All(suppressed, l => Assert.EndsWith(",,,true", l, StringComparison.Ordinal)); // no value, no count
        Assert.DoesNotMatch(@"[0-9a-f]{8}-[0-9a-f]{4}-", csv); // no resident's or case's id
        Assert.DoesNotMatch(@"\d{17}[\dX]", csv); // no ID number

        var (_, json) = await Get("/insights/data/approval-rate.json");
        var rows = JsonDocument.Parse(json).RootElement.EnumerateArray().ToList();
        Assert.Equal(lines.Length - 1, rows.Count);
        Assert.All(rows, r => Assert.Equal(["period", "dimension", "group", "value", "count", "suppressed"], r.EnumerateObject().Select(p => p.Name)));

        var (missing, problem) = await Get("/insights/data/salaries.csv");
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Contains("approval-rate.csv", problem, StringComparison.Ordinal);
        Assert.Matches(new Regex("\"status\":\\s*404"), problem);
    }
}
