using System.Runtime.CompilerServices;
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
    public static Task Lock(this AppDbContext db, string key, CancellationToken cancellationToken) => db.Lock([key], cancellationToken);

    /// <summary>
    /// Holds every one of <paramref name="keys"/> until the current transaction ends, in one statement (a group of
    /// submissions). Taken in order, so that two nodes holding overlapping groups cannot each wait for the other.
    /// </summary>
    public static async Task Lock(this AppDbContext db, IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(keys);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A key lock is held by a transaction: begin one first.");
        }

        // Distinct: PostgreSQL refuses an upsert that would touch the same row twice.
        var bounded = keys.Select(k => k.Length <= KeyLock.MaxKeyLength ? k : k[..KeyLock.MaxKeyLength]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (bounded.Length == 0)
        {
            return;
        }

        // One placeholder per key, each a parameter.
        var values = string.Join(", ", bounded.Select((_, i) => $"({{{i}}})"));
        var sql = FormattableStringFactory.Create(
            $"""INSERT INTO "KeyLocks" ("Key") VALUES {values} ON CONFLICT ("Key") DO UPDATE SET "Key" = excluded."Key" """, bounded);
        await db.Database.ExecuteSqlAsync(sql, cancellationToken);
    }
}
