using System.Text.Json;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Insights.Frictionless;

/// <summary>What the Frictionless project's datapackage library says of a Data Package at a URL.</summary>
public sealed record FrictionlessVerdict(bool Valid, int Resources, int Tabular, int Rows, IReadOnlyList<string> Problems);

/// <summary>Runs <c>validate.mjs</c> with Node, so that the check uses code not written here.</summary>
internal static class FrictionlessCheck
{
    private static readonly NodeTool Validator = new(Path.Combine("Insights", "Frictionless"));
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static async Task<FrictionlessVerdict> Validate(Uri dataPackage) =>
        JsonSerializer.Deserialize<FrictionlessVerdict>(await Validator.Run("validate.mjs", dataPackage.ToString()), Web)!;
}
