using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tongban.Tests.Infrastructure;

/// <summary>A throw-away copy of the shipped catalogue that a test can break or change.</summary>
public sealed class CatalogueCopy : IDisposable
{
    public static readonly string Shipped = Path.Combine(AppContext.BaseDirectory, "catalogue");

    public CatalogueCopy()
    {
        Folder = Directory.CreateTempSubdirectory("tongban-catalogue-").FullName;
        foreach (var file in Directory.EnumerateFiles(Shipped, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Folder, Path.GetRelativePath(Shipped, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public string Folder { get; }

    /// <summary>Edits one JSON file of the copy, for example <c>services/health.json</c>.</summary>
    public void Edit(string relativePath, Action<JsonNode> edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var path = Path.Combine(Folder, relativePath);
        var root = JsonNode.Parse(File.ReadAllText(path))!;
        edit(root);
        File.WriteAllText(path, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    public void Write(string relativePath, string text) => File.WriteAllText(Path.Combine(Folder, relativePath), text);

    /// <summary>The service with the given code in a services file.</summary>
    public static JsonNode Service(JsonNode file, string code) =>
        file["services"]!.AsArray().Single(s => (string?)s!["code"] == code)!;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Leaving a temp folder behind must not fail a test.
        }
    }
}
