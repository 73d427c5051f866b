using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;

namespace Tongban.Platform.Files;

/// <summary>An upload kept in the database: on several nodes, every node reads what any node received.</summary>
public sealed class StoredFile
{
    public required string Key { get; init; }

    public required byte[] Content { get; init; }

    public DateTime StoredAt { get; init; }
}

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<StoredFile> builder)
    {
        builder.HasKey(f => f.Key);
        builder.Property(f => f.Key).HasMaxLength(32);
    }
}

/// <summary>
/// The store for several nodes (<c>Files:Store=database</c>, the default on PostgreSQL): nodes share nothing but the
/// database, and a backup of the database holds the uploads too. Uploads are small (at most
/// <see cref="FilesSetup.MaxUploadBytes"/>), so each is one row.
/// </summary>
public sealed class DatabaseFileStore(IServiceScopeFactory scopes, TimeProvider clock) : IFileStore
{
    public async Task<string> Save(Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        var key = Guid.NewGuid().ToString("N");
        // A scope of its own: the file is kept before the answer naming it, whatever the page's context holds.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Set<StoredFile>().Add(new StoredFile { Key = key, Content = buffer.ToArray(), StoredAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    public async Task<Stream?> Open(string key, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var content = await db.Set<StoredFile>().Where(f => f.Key == key).Select(f => f.Content).SingleOrDefaultAsync(cancellationToken);
        return content is null ? null : new MemoryStream(content, writable: false);
    }
}
