using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;

namespace Tongban.Platform.Audit;

/// <summary>Appends to and checks each resident's hash-chained "who acted for me" trail.</summary>
public sealed class AuditTrail(AppDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Records what <paramref name="actor"/> did, unless the actor is the resident herself. Joins the
    /// caller's transaction when there is one, so a change and its record are saved together.
    /// </summary>
    public async Task Record(Guid residentId, Actor actor, AuditAction action, AuditSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.IsResident(residentId))
        {
            return;
        }

        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO "AuditHeads" ("ResidentId", "Count", "LastHash") VALUES ({residentId}, 0, '') ON CONFLICT DO NOTHING""", cancellationToken);
            await db.AuditHeads.Where(h => h.ResidentId == residentId).ExecuteUpdateAsync(u => u.SetProperty(h => h.Count, h => h.Count + 1), cancellationToken);
            var head = await db.AuditHeads.AsNoTracking().SingleAsync(h => h.ResidentId == residentId, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var record = new AuditRecord
            {
                ResidentId = residentId,
                Sequence = head.Count,
                At = WholeMilliseconds(now),
                ActorKind = actor.Kind,
                ActorId = actor.Id,
                ActorName = actor.Name,
                Channel = actor.Channel,
                Action = action,
                Subject = subject,
                Reason = actor.Reason,
                PreviousHash = head.LastHash,
                Hash = "",
            };
            record.Hash = HashOf(record);
            db.AuditRecords.Add(record);
            await db.SaveChangesAsync(cancellationToken);
            await db.AuditHeads.Where(h => h.ResidentId == residentId).ExecuteUpdateAsync(u => u.SetProperty(h => h.LastHash, record.Hash), cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    /// <summary>The first sequence number where the chain is broken (altered, removed or added out of turn), or null when it is intact.</summary>
    public async Task<int?> FirstBreak(Guid residentId, CancellationToken cancellationToken)
    {
        var records = await Records(residentId, cancellationToken);
        var head = await db.AuditHeads.AsNoTracking().SingleOrDefaultAsync(h => h.ResidentId == residentId, cancellationToken);
        return FirstBreak(records, head);
    }

    /// <summary>Her whole trail, in order.</summary>
    public Task<List<AuditRecord>> Records(Guid residentId, CancellationToken cancellationToken) =>
        db.AuditRecords.AsNoTracking().Where(r => r.ResidentId == residentId).OrderBy(r => r.Sequence).ToListAsync(cancellationToken);

    /// <summary>The same check over a trail already read (in order) and its head.</summary>
    public static int? FirstBreak(IReadOnlyList<AuditRecord> records, AuditHead? head)
    {
        ArgumentNullException.ThrowIfNull(records);
        var previous = "";
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            if (record.Sequence != i + 1 || record.PreviousHash != previous || record.Hash != HashOf(record))
            {
                return i + 1;
            }

            previous = record.Hash;
        }

        var expected = head?.Count ?? 0;
        return expected != records.Count || (head?.LastHash ?? "") != previous ? Math.Min(expected, records.Count) + 1 : null;
    }

    /// <summary>
    /// A time as every database keeps it exactly (whole milliseconds, UTC), so that a hash or signature over it can be
    /// recomputed from what was stored.
    /// </summary>
    public static DateTime WholeMilliseconds(DateTime utc) => new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);

    /// <summary>The record's hash, from its content and the hash before it: what the chain and the log's leaves are made of.</summary>
    public static string HashOf(AuditRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);

        // A JSON array is an unambiguous encoding: no field can imitate a separator.
        var canonical = JsonSerializer.Serialize(new object?[]
        {
            r.ResidentId, r.Sequence, r.At.ToString("yyyy-MM-ddTHH:mm:ss.fff", CultureInfo.InvariantCulture), r.ActorKind.ToString(), r.ActorId,
            r.ActorName, r.Channel.ToString(), r.Action.ToString(), r.Subject.ToString(), r.Reason, r.PreviousHash,
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
