using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;

namespace Tongban.Tests.Insights.Frictionless;

/// <summary>What the Frictionless project's datapackage library says of a Data Package at a URL.</summary>
public sealed record FrictionlessVerdict(bool Valid, int Resources, int Tabular, int Rows, IReadOnlyList<string> Problems);

/// <summary>
/// Runs <c>validate.mjs</c> with Node. The library is installed once per machine and lock file (<c>npm ci</c>, into the
/// temporary folder, never into the checkout), so that the check uses code not written here.
/// </summary>
internal static class FrictionlessCheck
{
    private static readonly SemaphoreSlim Installing = new(1, 1);
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static async Task<FrictionlessVerdict> Validate(Uri dataPackage)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "Insights", "Frictionless");
        var lockHash = Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(source, "package-lock.json"))))[..12];
        var work = Path.Combine(Path.GetTempPath(), $"tongban-frictionless-{lockHash}");
        await Installing.WaitAsync();
        try
        {
            Directory.CreateDirectory(work);
            foreach (var file in new[] { "package.json", "package-lock.json", "validate.mjs" })
            {
                File.Copy(Path.Combine(source, file), Path.Combine(work, file), overwrite: true);
            }

            if (!File.Exists(Path.Combine(work, "node_modules", "datapackage", "package.json")))
            {
                var (code, output) = await Run("npm", "ci --no-audit --no-fund", work);
                Assert.True(code == 0, $"npm ci failed: {output}");
            }
        }
        finally
        {
            Installing.Release();
        }

        var (exit, json) = await Run("node", $"validate.mjs {dataPackage}", work);
        Assert.True(exit == 0, $"validate.mjs failed: {json}");
        return JsonSerializer.Deserialize<FrictionlessVerdict>(json.Trim().Split('\n')[^1], Web)!;
    }

    private static async Task<(int Code, string Output)> Run(string program, string arguments, string folder)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }
}
