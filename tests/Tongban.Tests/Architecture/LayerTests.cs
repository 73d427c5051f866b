using NetArchTest.Rules;

namespace Tongban.Tests.Architecture;

/// <summary>The layers docs/architecture.md draws, checked on the compiled app.</summary>
public sealed class LayerTests
{
    private static readonly string[] Features =
        ["Tongban.Applications", "Tongban.Cases", "Tongban.Catalogue", "Tongban.Entitlements", "Tongban.Halls", "Tongban.Insights", "Tongban.Notifications", "Tongban.PartnerApi", "Tongban.Partners", "Tongban.Ratings", "Tongban.Residents", "Tongban.Staff"];

    [Fact]
    public void Platform_DependsOnNoFeature()
    {
        var result = Types.InAssembly(typeof(Program).Assembly)
            .That().ResideInNamespace("Tongban.Platform")
            .ShouldNot().HaveDependencyOnAny(Features)
            .GetResult();

        Assert.True(result.IsSuccessful, "Platform types that name a feature: " + string.Join(", ", result.FailingTypes.Select(t => t.FullName)));
    }

    [Fact]
    public void Features_DependOnEachOtherWithoutCycles()
    {
        var uses = Features.ToDictionary(f => f, f => Features.Where(other => other != f && Uses(f, other)).ToList());

        var cycle = FirstCycle(uses);

        Assert.True(cycle is null, "Features that depend on each other in a circle: " + string.Join(" → ", cycle ?? []) + "\n" + Describe(cycle));
    }

    /// <summary>The decision of instant approval is a pure function: nothing of the database, the web or the clock.</summary>
    [Fact]
    public void InstantApproval_IsPure()
    {
        var result = Types.InAssembly(typeof(Program).Assembly)
            .That().ResideInNamespace("Tongban.Applications.InstantApproval")
            .ShouldNot().HaveDependencyOnAny("Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Tongban.Platform.Data", "System.TimeProvider", "System.Net.Http")
            .GetResult();

        Assert.True(result.IsSuccessful, "Instant-approval types with a dependency: " + string.Join(", ", result.FailingTypes?.Select(t => t.FullName) ?? []));
    }

    private static bool Uses(string feature, string other) =>
        !Types.InAssembly(typeof(Program).Assembly).That().ResideInNamespace(feature).ShouldNot().HaveDependencyOnAny(other).GetResult().IsSuccessful;

    private static string Describe(List<string>? cycle)
    {
        if (cycle is null)
        {
            return "";
        }

        return string.Join("\n", cycle.Zip(cycle.Skip(1)).Select(edge =>
        {
            var failing = Types.InAssembly(typeof(Program).Assembly).That().ResideInNamespace(edge.First).ShouldNot().HaveDependencyOnAny(edge.Second).GetResult().FailingTypes;
            return $"{edge.First} → {edge.Second}: {string.Join(", ", failing.Select(t => t.FullName))}";
        }));
    }

    /// <summary>A path that comes back to where it began (first and last the same), or null when there is none.</summary>
    private static List<string>? FirstCycle(Dictionary<string, List<string>> uses)
    {
        var done = new HashSet<string>();
        foreach (var start in uses.Keys)
        {
            if (Walk(start, [], done, uses) is { } cycle)
            {
                return cycle;
            }
        }

        return null;
    }

    private static List<string>? Walk(string node, List<string> path, HashSet<string> done, Dictionary<string, List<string>> uses)
    {
        if (path.IndexOf(node) is var at and >= 0)
        {
            return [.. path[at..], node];
        }

        if (!done.Add(node))
        {
            return null;
        }

        path.Add(node);
        foreach (var next in uses[node])
        {
            if (Walk(next, path, done, uses) is { } cycle)
            {
                return cycle;
            }
        }

        path.RemoveAt(path.Count - 1);
        return null;
    }
}
