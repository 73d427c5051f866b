namespace Tongban.Platform.Audit.Anchor;

/// <summary>
/// The append-only file of published tree heads, one JSON line each (<c>Audit:Anchor:PublishPath</c>, by default
/// <c>data/audit-tree-heads.jsonl</c>): outside the database, so that rolling the database back, heads and all, is
/// still seen. Point it at storage the database's administrators cannot write, or copy it off the machine.
/// </summary>
public sealed class AuditHeadFile(IConfiguration configuration, IHostEnvironment environment, ILogger<AuditHeadFile> logger)
{
    private static readonly SemaphoreSlim Writing = new(1, 1);

    public string Path { get; } = configuration["Audit:Anchor:PublishPath"] is { Length: > 0 } path
        ? path
        : System.IO.Path.Combine(environment.ContentRootPath, "data", "audit-tree-heads.jsonl");

    public async Task Append(AuditTreeHead head, CancellationToken cancellationToken)
    {
        await Writing.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
            await File.AppendAllTextAsync(Path, PublishedHead.Of(head).ToJson() + "\n", cancellationToken);
        }
        catch (IOException e)
        {
            // The head is in the database and served; the next one will be written here again.
            logger.LogError(e, "Could not append tree head {Size} to {Path}", head.Size, Path);
        }
        finally
        {
            Writing.Release();
        }
    }

    /// <summary>The newest head the file holds, or null when it holds none (or does not exist yet).</summary>
    public async Task<PublishedHead?> Latest(CancellationToken cancellationToken)
    {
        if (!File.Exists(Path))
        {
            return null;
        }

        var lines = await File.ReadAllLinesAsync(Path, cancellationToken);
        return lines.Reverse().Select(PublishedHead.FromJson).FirstOrDefault(h => h is not null);
    }
}
