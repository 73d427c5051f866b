using NetArchTest.Rules;

namespace Tongban.Tests.Architecture;

/// <summary>The layers docs/architecture.md draws, checked on the compiled app: Platform is plumbing and names no feature.</summary>
public sealed class LayerTests
{
    private static readonly string[] Features =
        ["Tongban.Applications", "Tongban.Cases", "Tongban.Catalogue", "Tongban.Notifications", "Tongban.Partners", "Tongban.Residents", "Tongban.Staff"];

    [Fact]
    public void Platform_DependsOnNoFeature()
    {
        var result = Types.InAssembly(typeof(Program).Assembly)
            .That().ResideInNamespace("Tongban.Platform")
            .ShouldNot().HaveDependencyOnAny(Features)
            .GetResult();

        Assert.True(result.IsSuccessful, "Platform types that name a feature: " + string.Join(", ", result.FailingTypes.Select(t => t.FullName)));
    }
}
