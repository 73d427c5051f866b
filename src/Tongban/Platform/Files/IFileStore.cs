namespace Tongban.Platform.Files;

/// <summary>Where uploaded documents are kept: never under the web root, never served directly.</summary>
public interface IFileStore
{
    /// <summary>Stores the content and returns the key to find it again.</summary>
    Task<string> Save(Stream content, CancellationToken cancellationToken);

    /// <summary>The content, or null when there is nothing under the key.</summary>
    Task<Stream?> Open(string key, CancellationToken cancellationToken);
}

/// <summary>The default store: one file per upload in a folder of the data directory (<c>Files:Path</c>).</summary>
public sealed class FileSystemFileStore(string folder) : IFileStore
{
    public async Task<string> Save(Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var key = Guid.NewGuid().ToString("N");
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await content.CopyToAsync(file, cancellationToken);
            await file.FlushAsync(cancellationToken);
        }
        catch
        {
            // A disk that filled up halfway leaves no half document behind to be mistaken for one.
            File.Delete(path);
            throw;
        }

        return key;
    }

    public Task<Stream?> Open(string key, CancellationToken cancellationToken)
    {
        // Keys are ours (32 hex digits); anything else could try to climb out of the folder.
        if (key is not { Length: 32 } || !key.All(char.IsAsciiHexDigitLower))
        {
            return Task.FromResult<Stream?>(null);
        }

        var path = PathOf(key);
        return Task.FromResult<Stream?>(File.Exists(path) ? File.OpenRead(path) : null);
    }

    private string PathOf(string key) => Path.Combine(folder, key[..2], key);
}
