using System.Text;

namespace Tongban.Bench;

internal static class Results
{
    /// <summary>Writes a report to <c>bench/results/{name}-{date}.md</c>, never over a result (and the notes under it) from earlier the same day.</summary>
    public static async Task Write(string name, StringBuilder report)
    {
        var folder = Path.Combine(Directory.GetCurrentDirectory(), "bench", "results");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{name}-{DateTime.UtcNow:yyyy-MM-dd}.md");
        if (File.Exists(file))
        {
            file = Path.Combine(folder, $"{name}-{DateTime.UtcNow:yyyy-MM-dd-HHmm}.md");
        }

        await File.WriteAllTextAsync(file, report.ToString());
        Console.WriteLine($"written to {file}");
    }
}
