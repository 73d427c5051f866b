using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Cases;
using Tongban.Catalogue;
using Tongban.Insights.Seeding;
using Tongban.Platform.Calendar;
using Tongban.Platform.Data;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Platform.Data;

/// <summary>
/// The seed command's bulk writer against EF Core itself: the same synthetic rows written both ways must be the same
/// rows, value for value and type for type (on SQLite a date stored as text in another format, or a GUID as a blob,
/// would still read back through EF Core but no longer match its queries).
/// </summary>
public sealed class BulkInsertTests(TongbanApp app) : IClassFixture<TongbanApp>
{
    private static readonly string[] Tables = ["Residents", "Drafts", "FormEvents", "Cases", "CaseActions", "Ratings", "Rectifications"];

    [Fact]
    public async Task RowsWrittenInBulk_AreTheRowsEfCoreWrites()
    {
        var ct = TestContext.Current.CancellationToken;
        var batch = await Draw(seed: 3, residents: 300);
        Assert.NotEmpty(batch.FormEvents);
        Assert.NotEmpty(batch.Ratings);
        Assert.NotEmpty(batch.Rectifications);
        var before = await Rows(ct);

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.AddRange(batch.Residents);
            db.AddRange(batch.Drafts);
            db.AddRange(batch.FormEvents);
            db.AddRange(batch.Cases);
            db.AddRange(batch.Actions);
            db.AddRange(batch.Ratings);
            db.AddRange(batch.Rectifications);
            await db.SaveChangesAsync(ct);
        }

        var byEfCore = Added(before, await Rows(ct));
        await Remove(batch, ct);
        foreach (var formEvent in batch.FormEvents)
        {
            formEvent.Id = 0; // numbered again by the database
        }

        await using (var scope = app.Scope())
        {
            await SeedCommand.Write(scope.ServiceProvider.GetRequiredService<AppDbContext>(), batch, ct); // in bulk, as the seed command writes
        }

        var inBulk = Added(before, await Rows(ct));
        foreach (var table in Tables)
        {
            Assert.NotEmpty(byEfCore[table]);
            Assert.Equal(byEfCore[table], inBulk[table]);
        }

        // And EF Core's own queries find them: by key, by a date range, by a converted enum.
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var some = batch.Cases[^1];
            var found = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == some.Id, ct);
            Assert.Equal((some.Reference, some.Status, some.SubmittedAt, some.DueOn), (found.Reference, found.Status, found.SubmittedAt, found.DueOn));
            var ids = batch.Cases.Select(c => c.Id).ToList();
            Assert.Equal(
                batch.Cases.Count(c => c.Status == CaseStatus.Approved && c.SubmittedAt >= some.SubmittedAt),
                await db.Cases.CountAsync(c => ids.Contains(c.Id) && c.Status == CaseStatus.Approved && c.SubmittedAt >= some.SubmittedAt, ct));
        }
    }

    [Fact]
    public async Task WhatItCannotWriteAsEfCoreWould_IsRefused()
    {
        var ct = TestContext.Current.CancellationToken;
        var batch = await Draw(seed: 8, residents: 5);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        // Outside a transaction half a batch could land.
        await Assert.ThrowsAsync<InvalidOperationException>(() => BulkInsert.Write(db, batch.Residents, ct));

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var numbered = (await Draw(seed: 3, residents: 300)).FormEvents[0];
        numbered.Id = 42;
        await Assert.ThrowsAsync<NotSupportedException>(() => BulkInsert.Write(db, [numbered], ct));
        var decided = batch.Cases[0];
        decided.RuleOutcomes.Add(new RuleOutcome { RuleId = "age", Passed = true, ReasonZhCn = "年满六十周岁。", ReasonEn = "Aged 60 or over." });
        await Assert.ThrowsAsync<NotSupportedException>(() => BulkInsert.Write(db, [decided], ct));
    }

    private async Task<CityBatch> Draw(int seed, int residents)
    {
        var catalogue = await app.Services.GetRequiredService<CatalogueStore>().Current(TestContext.Current.CancellationToken);
        var today = app.Services.GetRequiredService<TimeProvider>().Today();
        return new SyntheticCity(seed, catalogue, app.Services.GetRequiredService<WorkingDayCalendar>(), today, 5).Next(residents);
    }

    private async Task Remove(CityBatch batch, CancellationToken ct)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var (cases, residents) = (batch.Cases.Select(c => c.Id).ToList(), batch.Residents.Select(r => r.Id).ToList());
        var events = batch.FormEvents.Select(e => e.Id).ToList();
        await db.Rectifications.Where(r => cases.Contains(r.CaseId!.Value)).ExecuteDeleteAsync(ct);
        await db.Ratings.Where(r => cases.Contains(r.CaseId!.Value)).ExecuteDeleteAsync(ct);
        await db.CaseActions.Where(a => cases.Contains(a.CaseId)).ExecuteDeleteAsync(ct);
        await db.Cases.Where(c => cases.Contains(c.Id)).ExecuteDeleteAsync(ct);
        await db.FormEvents.Where(e => events.Contains(e.Id)).ExecuteDeleteAsync(ct);
        await db.Drafts.Where(d => residents.Contains(d.ResidentId)).ExecuteDeleteAsync(ct);
        await db.Residents.Where(r => residents.Contains(r.Id)).ExecuteDeleteAsync(ct);
    }

    /// <summary>Every row of the seeded tables as the database holds it: each value with its type, FormEvents without the number the database gave them.</summary>
    private async Task<Dictionary<string, List<string>>> Rows(CancellationToken ct)
    {
        await using var scope = app.Scope();
        var connection = scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetDbConnection();
        await connection.OpenAsync(ct);
        var rows = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var table in Tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync(ct);
            var list = new List<string>();
            while (await reader.ReadAsync(ct))
            {
                list.Add(Row(reader, skip: table == "FormEvents" ? "Id" : null));
            }

            list.Sort(StringComparer.Ordinal);
            rows[table] = list;
        }

        return rows;
    }

    private static string Row(DbDataReader reader, string? skip) => string.Join(" | ", Enumerable.Range(0, reader.FieldCount)
        .Where(i => reader.GetName(i) != skip)
        .Select(i => reader.IsDBNull(i) ? $"{reader.GetName(i)}=null" : string.Create(CultureInfo.InvariantCulture, $"{reader.GetName(i)}={reader.GetFieldType(i).Name}:{Format(reader.GetValue(i))}")));

    private static string Format(object value) => value switch
    {
        byte[] bytes => Convert.ToHexString(bytes),
        DateTime time => time.ToString("O", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static Dictionary<string, List<string>> Added(Dictionary<string, List<string>> before, Dictionary<string, List<string>> after) =>
        Tables.ToDictionary(t => t, t => after[t].Except(before[t], StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
}
