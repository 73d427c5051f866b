using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Platform.Data;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Platform.Data;

public sealed class MigrationTests(TongbanApp app) : IClassFixture<TongbanApp>
{
    [Fact]
    public async Task StartUp_AppliesEveryMigration_OnTheConfiguredProvider()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.Equal(app.Database.Provider == DatabaseSetup.Postgres, db.Database.IsNpgsql());
    }

    [Fact]
    public void EachProvidersMigrations_MatchTheModel()
    {
        // A model change without a migration for both providers would fail here, not in production.
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);

        Assert.False(sqlite.Database.HasPendingModelChanges(), "SQLite migrations are behind the model: run dotnet ef migrations add (see docs/operations.md).");
        Assert.False(postgres.Database.HasPendingModelChanges(), "PostgreSQL migrations are behind the model: run dotnet ef migrations add (see docs/operations.md).");
    }

    [Fact]
    public async Task CasesMadeBeforeTheActionLog_GetTheLogTheyWouldHaveHad()
    {
        var folder = Directory.CreateTempSubdirectory("tongban-backfill-").FullName;
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={Path.Combine(folder, "t.db")};Pooling=false").Options;
        await using var db = new SqliteAppDbContext(options);
        var ct = TestContext.Current.CancellationToken;
        var migrator = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>();
        await migrator.MigrateAsync("20261129022537_CaseQueueIndex", ct);
        var resident = Guid.NewGuid();
        await db.Database.ExecuteSqlAsync($"""INSERT INTO "Residents" ("Id", "ContactChannel", "AccessibilityNeeds", "StatisticsConsent", "SecurityStamp", "CreatedAt") VALUES ({resident}, 'Sms', 'None', 0, 's', '2026-11-01 00:00:00')""", ct);
        foreach (var (reference, status, decided, review) in new[] { ("AAAAAAAA1", "WithOfficer", (string?)null, (string?)null), ("BBBBBBBB2", "Approved", "2026-11-02 01:00:00", null), ("CCCCCCCC3", "WithOfficer", "2026-11-02 01:00:00", "2026-11-03 01:00:00") })
        {
            await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO "Cases" ("Id", "Reference", "ServiceCode", "ResidentId", "DraftId", "Channel", "ActorKind", "SubmittedAt", "DueOn", "Status", "FormVersion", "AnswersJson", "RuleOutcomes", "DecidedAt", "ReviewRequestedAt") VALUES ({Guid.NewGuid()}, {reference}, 'senior-citizen-card', {resident}, {Guid.NewGuid()}, 'Online', 'Resident', '2026-11-02 01:00:00', '2026-11-09', {status}, 'v1', {"{}"}, '[]', {decided}, {review})""", ct);
        }

        await migrator.MigrateAsync(null, ct);

        var logs = (await db.CaseActions.AsNoTracking().ToListAsync(ct)).GroupBy(a => a.CaseId).ToDictionary(g => g.Key, g => g.OrderBy(a => a.Sequence).Select(a => a.Kind).ToList());
        var cases = await db.Cases.AsNoTracking().ToListAsync(ct);
        Assert.All(cases, c => Assert.Equal(logs[c.Id].Count, c.Version));
        Assert.Equal([Tongban.Cases.Log.CaseActionKind.Submitted], logs[cases.Single(c => c.Reference == "AAAAAAAA1").Id]);
        Assert.Equal([Tongban.Cases.Log.CaseActionKind.Submitted, Tongban.Cases.Log.CaseActionKind.Accepted, Tongban.Cases.Log.CaseActionKind.Approved], logs[cases.Single(c => c.Reference == "BBBBBBBB2").Id]);
        Assert.Equal(Tongban.Cases.Log.CaseActionKind.ReviewRequested, logs[cases.Single(c => c.Reference == "CCCCCCCC3").Id][^1]);
    }

    [Fact]
    public async Task IdNumbersTypedBeforeProofsExisted_BecomeClaims_OnlyCardCheckedRegistrationsStayProven()
    {
        var folder = Directory.CreateTempSubdirectory("tongban-identity-").FullName;
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={Path.Combine(folder, "t.db")};Pooling=false").Options;
        await using var db = new SqliteAppDbContext(options);
        var ct = TestContext.Current.CancellationToken;
        var migrator = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>();
        await migrator.MigrateAsync("20261129171318_CasePartner", ct);
        var (typed, atCounter, byPhone) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        foreach (var (id, idNumber, mobile) in new[] { (typed, "440304195603270015", "+8613700000001"), (atCounter, "440304195603270023", "+8613700000002"), (byPhone, "440304195001010017", (string?)null) })
        {
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "Residents" ("Id", "IdNumber", "MobileNumber", "ContactChannel", "AccessibilityNeeds", "StatisticsConsent", "SecurityStamp", "CreatedAt") VALUES ({id}, {idNumber}, {mobile}, 'Sms', 'None', 0, 's', '2026-11-01 00:00:00')""", ct);
        }

        // A clerk registered one from her card, and a hotline agent the other: the session starts when the account is made.
        await db.Database.ExecuteSqlAsync($"""INSERT INTO "AssistedSessions" ("Id", "StaffId", "ResidentId", "Channel", "IdentityCheck", "ConsentReference", "StartedAt") VALUES ({Guid.NewGuid()}, {Guid.NewGuid()}, {atCounter}, 'Counter', 'IdCardReader', 'F-1', '2026-11-01 00:00:00')""", ct);
        await db.Database.ExecuteSqlAsync($"""INSERT INTO "AssistedSessions" ("Id", "StaffId", "ResidentId", "Channel", "IdentityCheck", "ConsentReference", "StartedAt") VALUES ({Guid.NewGuid()}, {Guid.NewGuid()}, {byPhone}, 'Hotline', 'SecurityQuestions', 'R-1', '2026-11-01 00:00:00')""", ct);

        await migrator.MigrateAsync(null, ct);

        var residents = await db.Set<Tongban.Residents.Resident>().AsNoTracking().ToDictionaryAsync(r => r.Id, ct);
        Assert.Equal((null, "440304195603270015", "+8613700000001"), (residents[typed].IdNumber, residents[typed].ClaimedIdNumber, residents[typed].MobileNumber));
        Assert.Equal(("440304195603270023", Tongban.Residents.IdNumberProof.ClerkSawCard), (residents[atCounter].IdNumber, residents[atCounter].IdNumberProof));
        Assert.Equal((null, "+8613700000002"), (residents[atCounter].MobileNumber, residents[atCounter].UnconfirmedMobileNumber));
        Assert.Equal((null, "440304195001010017"), (residents[byPhone].IdNumber, residents[byPhone].ClaimedIdNumber));
    }

    [Fact]
    public async Task OnSqlite_AJobGathersThePlannersStatistics_OnPostgresNoneIsScheduled()
    {
        var ct = TestContext.Current.CancellationToken;
        await app.Services.GetRequiredService<Tongban.Platform.Jobs.JobRunner>().RunDue(ct);

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var job = await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Kind == RefreshSqliteStatistics.JobKind, ct);
        if (app.Database.Provider == DatabaseSetup.Sqlite)
        {
            Assert.NotNull(job);
            Assert.True(job.RunAt > DateTime.UtcNow.AddHours(5), "the next refresh is about 6 hours away");
            Assert.NotEmpty(await db.Database.SqlQueryRaw<string>("SELECT tbl AS \"Value\" FROM sqlite_stat1 WHERE tbl = 'Services'").ToListAsync(ct));
        }
        else
        {
            Assert.Null(job);
        }
    }

    [Fact]
    public async Task Sqlite_AfterMigration_UsesWriteAheadLogging()
    {
        // The embedded default always runs on SQLite, whichever provider this run tests.
        var folder = Directory.CreateTempSubdirectory("tongban-wal-").FullName;
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={Path.Combine(folder, "t.db")};Pooling=false").Options;
        await using var db = new SqliteAppDbContext(options);

        await DatabaseSetup.MigrateAsync(db, TestContext.Current.CancellationToken);
        var mode = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal("wal", Assert.Single(mode));
    }
}
