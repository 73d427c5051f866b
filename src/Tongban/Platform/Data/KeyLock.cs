using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tongban.Platform.Data;

/// <summary>
/// One row per key that a "count, then insert" must serialise on (a rate limit per number, per address). Taking
/// the row makes concurrent transactions for the same key queue, on every node, until the first commits.
/// </summary>
public sealed class KeyLock
{
    public const int MaxKeyLength = 100;

    public required string Key { get; set; }
}

internal sealed class KeyLockConfiguration : IEntityTypeConfiguration<KeyLock>
{
    public void Configure(EntityTypeBuilder<KeyLock> builder)
    {
        builder.HasKey(k => k.Key);
        builder.Property(k => k.Key).HasMaxLength(KeyLock.MaxKeyLength);
    }
}

public static class KeyLocks
{
    /// <summary>
    /// Holds <paramref name="key"/> until the current transaction ends. On PostgreSQL the upsert takes the row's lock;
    /// on SQLite the transaction itself already holds the one write lock (BEGIN IMMEDIATE), so the upsert only costs a row.
    /// </summary>
    public static async Task Lock(this AppDbContext db, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A key lock is held by a transaction: begin one first.");
        }

        var bounded = key.Length <= KeyLock.MaxKeyLength ? key : key[..KeyLock.MaxKeyLength];
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "KeyLocks" ("Key") VALUES ({bounded}) ON CONFLICT ("Key") DO UPDATE SET "Key" = excluded."Key" """, cancellationToken);
    }
}
