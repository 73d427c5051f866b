using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Tongban.Entitlements;
using Tongban.Insights.Seeding;
using Tongban.Platform.Data;

namespace Tongban.Bench;

/// <summary>
/// The daily job of proactive services over a city of residents whose ID numbers are proven (ages as the census gives
/// them, a third with Shenzhen hukou): the first run, which makes every offer, and the next day's run, which finds
/// nothing new, through the real <see cref="FindEntitlements"/> in-process on a fresh database.
/// Usage: … -- entitlements [residents, 1000000] [postgres connection string, or -]
/// </summary>
internal static class EntitlementsBench
{
    private static readonly string[] Columns = ["id", "mobile", "idNumber", "born", "hukou", "stamp", "now"];

    public static async Task Run(int residents, string? postgres)
    {
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"# Proactive services benchmark, {DateTime.UtcNow:yyyy-MM-dd}");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"`dotnet run -c Release --project bench/Tongban.Bench -- entitlements {residents} [postgres]` on {Environment.ProcessorCount} cores: {residents:N0} residents with proven ID numbers written by bare ADO.NET to a fresh database (ages by the census's bands, a third with Shenzhen hukou, every one reachable by SMS), then the real daily job (`FindEntitlements`, in-process, Production settings): its first run, which grants the senior card (case, log, trail, message each) and invites to the allowance, and the next day's run, which finds nothing new.");
        report.AppendLine();
        report.AppendLine("| database | residents | first run | granted | invited | the next day's run | process memory after, MB |");
        report.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var (name, provider) in new[] { ("SQLite", "sqlite"), ("PostgreSQL", "postgres") })
        {
            if (provider == "postgres" && postgres is null)
            {
                report.AppendLine("| PostgreSQL | not run: pass a connection string | | | | | |");
                continue;
            }

            await using var run = await BenchRun.Start(provider, postgres, 0);
            var seeding = Stopwatch.StartNew();
            await Seed(provider, run.Connection, residents);
            Console.WriteLine($"{name}: {residents:N0} residents written in {seeding.Elapsed:mm\\:ss}");
            var first = await RunJob(run);
            var (granted, invited) = await Counts(run);
            var second = await RunJob(run);
            var memory = Process.GetCurrentProcess().WorkingSet64 / 1024 / 1024;
            var line = string.Create(CultureInfo.InvariantCulture, $"| {name} | {residents:N0} | {first:mm\\:ss} | {granted:N0} | {invited:N0} | {second:mm\\:ss} | {memory} |");
            report.AppendLine(line);
            Console.WriteLine(line);
        }

        var path = Path.Combine("bench", "results", $"entitlements-{DateTime.UtcNow:yyyy-MM-dd}.md");
        await File.WriteAllTextAsync(path, report.ToString());
        Console.WriteLine($"Written to {path}");
    }

    private static async Task<TimeSpan> RunJob(BenchRun run)
    {
        var clock = Stopwatch.StartNew();
        await using var scope = run.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<FindEntitlements>().Run("daily", CancellationToken.None);
        return clock.Elapsed;
    }

    private static async Task<(int Granted, int Invited)> Counts(BenchRun run)
    {
        await using var scope = run.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return (await db.Offers.CountAsync(o => o.Status == OfferStatus.Granted), await db.Offers.CountAsync(o => o.Status == OfferStatus.Invited));
    }

    /// <summary>The residents, in one transaction of prepared inserts: far faster than the app's own writes, which are not what is measured.</summary>
    private static async Task Seed(string provider, string connectionString, int count)
    {
        await using DbConnection connection = provider == "sqlite" ? new SqliteConnection(connectionString) : new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO "Residents" ("Id", "MobileNumber", "FullName", "IdNumber", "IdNumberProof", "DateOfBirth", "DistrictCode", "LocalHukou",
              "PreferredLanguage", "ContactChannel", "PostalAddress", "AccessibilityNeeds", "StatisticsConsent", "NoProactiveOffers", "SecurityStamp", "CreatedAt")
            VALUES (@id, @mobile, '王秀英', @idNumber, 'RealNameService', @born, 'futian', @hukou, 'zh-CN', 'Sms', '福田区福中三路1号', 0, TRUE, FALSE, @stamp, @now)
            """;
        var parameters = Columns.Select(n =>
        {
            var p = insert.CreateParameter();
            p.ParameterName = n;
            insert.Parameters.Add(p);
            return p;
        }).ToArray();
        var random = new Random(1);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var now = DateTime.UtcNow;
        for (var i = 0; i < count; i++)
        {
            var band = Band(random.NextDouble());
            var born = today.AddYears(-random.Next(band.From, band.To + 1)).AddDays(-random.Next(0, 365));
            parameters[0].Value = BenchRun.Stored(provider, Guid.NewGuid());
            parameters[1].Value = $"+86139{i:D8}";
            parameters[2].Value = IdNumber(born, i);
            parameters[3].Value = BenchRun.Stored(provider, born);
            parameters[4].Value = random.NextDouble() < CityFigures.LocalHukouShare;
            parameters[5].Value = Guid.NewGuid().ToString("N");
            parameters[6].Value = BenchRun.Stored(provider, now);
            if (i == 0)
            {
                await insert.PrepareAsync(); // once the parameters have values, from which Npgsql takes their types
            }

            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    private static (int From, int To) Band(double draw)
    {
        foreach (var (_, from, to, share) in CityFigures.AgeBands)
        {
            if ((draw -= share) < 0)
            {
                return (from, to);
            }
        }

        return (0, 17); // the children the bands leave out
    }

    /// <summary>A valid 18-character number, unique below ten million, for someone born on <paramref name="born"/>.</summary>
    private static string IdNumber(DateOnly born, int sequence)
    {
        var body = $"44{sequence / 1000:D4}{born:yyyyMMdd}{sequence % 1000:D3}";
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        return body + "10X98765432"[body.Select((c, i) => (c - '0') * weights[i]).Sum() % 11];
    }
}
