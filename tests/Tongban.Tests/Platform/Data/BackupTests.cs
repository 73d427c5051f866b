using System.Collections.Concurrent;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Platform.Audit.Anchor;
using Tongban.Platform.Data;
using Tongban.Platform.Data.Backup;
using Tongban.Tests.Cases;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Platform.Data;

/// <summary>The restore drill: back up while residents apply, restore into a fresh database, start Tongban on it.</summary>
public sealed class BackupTests(TongbanAppWithClock app) : IClassFixture<TongbanAppWithClock>
{
    [Fact]
    public async Task ABackupTakenUnderLoad_RestoresIntoAWorkingCity_WithEveryCaseAcknowledgedBeforeIt_AndTheAuditTrailVerifies()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("tongban-backup-").FullName;
        var backup = Path.Combine(folder, "tongban-backup.db");
        var output = new StringWriter();
        if (app.Database.Provider != DatabaseSetup.Sqlite)
        {
            // PostgreSQL is backed up with its own tools; its drill runs on the cluster (deploy/, docs/operations.md).
            Assert.Equal(2, await BackupCommand.Run(app.Services, ["--to", backup], output, ct));
            Assert.Contains("pg_basebackup", output.ToString(), StringComparison.Ordinal);
            Assert.False(File.Exists(backup));
            return;
        }

        // Residents apply before the backup, and more while it is taken; each reference shown is an acknowledged case.
        // They sign in one after the other (each sign-in moves the shared clock on a minute), then apply at once.
        var residents = new List<(FormClient Browser, string Mobile)>();
        for (var i = 0; i < 18; i++)
        {
            var mobile = People.NewMobile();
            residents.Add((await People.SignInResident(app, mobile), mobile));
        }

        var acknowledged = new ConcurrentBag<(string Reference, string Mobile, DateTime At)>();
        Task Apply((FormClient Browser, string Mobile) her) => Task.Run(
            async () => acknowledged.Add((await Applying.Apply(her.Browser, "senior-citizen-card", CaseWorkflowTests.TooYoungForTheCard), her.Mobile, DateTime.UtcNow)), ct);

        await Task.WhenAll(residents.Take(6).Select(Apply));
        var officer = await People.SignInStaff(app, "officer.civil");
        foreach (var (reference, _, _) in acknowledged)
        {
            Assert.Equal(HttpStatusCode.OK, (await officer.Get($"/staff/cases/{reference}")).Status); // on her trail
        }

        await app.AnchorAuditTrail();
        var load = Task.WhenAll(residents.Skip(6).Select(Apply));
        await Task.Delay(200, ct);
        var backupStarted = DateTime.UtcNow;
        Assert.Equal(0, await BackupCommand.Run(app.Services, ["--to", backup], output, ct));
        await load;
        Assert.Contains("integrity check: ok", output.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(backup + ".partial"));

        // Restoring is copying the file into place while Tongban is stopped (docs/operations.md, "Backups").
        var restoredFile = Path.Combine(Directory.CreateTempSubdirectory("tongban-restored-").FullName, "tongban.db");
        File.Copy(backup, restoredFile);
        await using var restored = new TongbanAppWithClock();
        restored.Settings["ConnectionStrings:Tongban"] = $"Data Source={restoredFile}";
        await restored.InitializeAsync();

        await using var scope = restored.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var references = await db.Cases.Select(c => c.Reference).ToListAsync(ct);
        var before = acknowledged.Where(a => a.At < backupStarted).ToList();
        Assert.True(before.Count >= 6, $"{before.Count} cases acknowledged before the backup");
        Assert.All(before, a => Assert.Contains(Tongban.Cases.CaseReference.Normalize(a.Reference), references));
        Assert.True(references.Count <= acknowledged.Count, "nothing in the copy that was never acknowledged");

        var check = await scope.ServiceProvider.GetRequiredService<CheckAuditAnchor>().Handle(ct);
        Assert.Null(check.Problem);
        Assert.True(check.Size >= 6, "the copy holds the signed heads made before it");

        // The restored city serves her, the next day: she signs in again and finds her case.
        restored.Time.Advance(TimeSpan.FromDays(1));
        var first = before[0];
        var her = await People.SignInResident(restored, first.Mobile);
        var (status, html, _) = await her.Get($"/cases/{first.Reference}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Senior citizen concession card", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheBackupCommand_NeverOverwritesAFile_AndExplainsItself()
    {
        var ct = TestContext.Current.CancellationToken;
        var output = new StringWriter();
        Assert.Equal(2, await BackupCommand.Run(app.Services, [], output, ct));
        Assert.Contains("usage: backup --to FILE", output.ToString(), StringComparison.Ordinal);
        if (app.Database.Provider != DatabaseSetup.Sqlite)
        {
            return; // the PostgreSQL answer is checked above
        }

        var existing = Path.Combine(Directory.CreateTempSubdirectory("tongban-backup-").FullName, "kept.db");
        await File.WriteAllTextAsync(existing, "an earlier backup", ct);
        Assert.Equal(1, await BackupCommand.Run(app.Services, ["--to", existing], output, ct));
        Assert.Contains("exists already", output.ToString(), StringComparison.Ordinal);
        Assert.Equal("an earlier backup", await File.ReadAllTextAsync(existing, ct));
    }
}
