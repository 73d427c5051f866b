using System.Diagnostics;
using System.Security.Cryptography;

namespace Tongban.Tests.Infrastructure;

/// <summary>
/// A Node script that checks Tongban with a library not written here. Its folder (copied beside the tests) holds a
/// <c>package.json</c>, its <c>package-lock.json</c> and the scripts; the packages are installed once per machine and lock
/// file (<c>npm ci</c>, into the temporary folder, never into the checkout).
/// </summary>
internal sealed class NodeTool(string folder)
{
    private static readonly SemaphoreSlim Installing = new(1, 1);

    /// <summary>Installs if needed, then runs <c>node</c> with <paramref name="arguments"/>; returns the last line printed, failing the test if the script fails.</summary>
    public async Task<string> Run(params string[] arguments)
    {
        var work = await Installed();
        var start = new ProcessStartInfo("node") { WorkingDirectory = work };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var (exit, output, errors) = await Run(start);
        Assert.True(exit == 0, $"node {string.Join(' ', arguments)} failed: {output}{errors}");
        return output.Trim().Split('\n')[^1];
    }

    private async Task<string> Installed()
    {
        var source = Path.Combine(AppContext.BaseDirectory, folder);
        var lockHash = Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(source, "package-lock.json"))))[..12];
        var work = Path.Combine(Path.GetTempPath(), $"tongban-node-{Path.GetFileName(folder).ToLowerInvariant()}-{lockHash}");
        await Installing.WaitAsync();
        try
        {
            Directory.CreateDirectory(work);
            foreach (var file in Directory.GetFiles(source))
            {
                File.Copy(file, Path.Combine(work, Path.GetFileName(file)), overwrite: true);
            }

            if (!File.Exists(Path.Combine(work, "node_modules", ".package-lock.json")))
            {
                var (code, output, errors) = await Run(new ProcessStartInfo("npm", "ci --no-audit --no-fund") { WorkingDirectory = work });
                Assert.True(code == 0, $"npm ci failed: {output}{errors}");
            }
        }
        finally
        {
            Installing.Release();
        }

        return work;
    }

    private static async Task<(int Code, string Output, string Errors)> Run(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await errors);
    }
}
