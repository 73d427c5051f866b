using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Cases;
using Tongban.Cases.Queue;
using Tongban.Catalogue;
using Tongban.Platform.Audit;
using Tongban.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Tongban.Residents;

namespace Tongban.Bench;

/// <summary>
/// The workbench queue at 100,000 cases of one department: how long the queries behind one page take
/// (first page, a deep page, filtered, the head's overview). Usage: … -- queue [cases] [postgres connection string]
/// </summary>
internal static class QueueBench
{
    public static async Task Run(int count, string? postgres)
    {
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"# Workbench queue benchmark, {DateTime.UtcNow:yyyy-MM-dd}");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"`dotnet run -c Release --project bench/Tongban.Bench -- queue {count} [postgres]` on {Environment.ProcessorCount} cores: {count} open cases of the Civil Affairs services (one resident each), 30 timed runs of each query after 3 warm-ups, in-process (no HTTP).");
        report.AppendLine();
        report.AppendLine("| database | query | p50 ms | p99 ms |");
        report.AppendLine("|---|---|---|---|");
        foreach (var (name, provider, connection) in new[] { ("SQLite", "sqlite", (string?)null), ("PostgreSQL", "postgres", postgres) })
        {
            if (provider == "postgres" && connection is null)
            {
                report.AppendLine("| PostgreSQL | not run: pass a connection string | | |");
                continue;
            }

            await using var run = await BenchRun.Start(provider, connection, 0);
            var services = await SeedCases(run, count);
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            // Statistics as a running city has them: on SQLite the app's job (at start-up, before these cases
            // existed, then every 6 hours); on PostgreSQL autovacuum's ANALYZE, done here at once rather than whenever it wakes.
            await run.Services.GetRequiredService<Tongban.Platform.Jobs.JobRunner>().RunDue(default);
            if (provider == "postgres")
            {
                await using var scope = run.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.ExecuteSqlRawAsync("ANALYZE");
            }

            var deep = await CursorAfter(run, services, count / 2);
            var scenarios = new (string Name, Func<IServiceProvider, Task> Query)[]
            {
                ("queue, first page (count + 50 rows)", sp => sp.GetRequiredService<ListDepartmentCases>().Handle(services, new QueueFilter(null, null, null, null, null), default)),
                ("queue, a page deep in the queue (after the 50,000th case)", sp => sp.GetRequiredService<ListDepartmentCases>().Handle(services, new QueueFilter(null, null, null, null, null, deep), default)),
                ("queue, one service, not accepted, due within 5 days", sp => sp.GetRequiredService<ListDepartmentCases>().Handle(services, new QueueFilter(services[0], CaseStatus.WithOfficer, null, null, today.AddDays(5)), default)),
                ("head's overview", sp => sp.GetRequiredService<DepartmentOverview>().Handle(services, today, default)),
            };
            foreach (var (scenario, query) in scenarios)
            {
                var times = new List<double>();
                for (var i = 0; i < 33; i++)
                {
                    await using var scope = run.Services.CreateAsyncScope();
                    var watch = Stopwatch.StartNew();
                    await query(scope.ServiceProvider);
                    if (i >= 3)
                    {
                        times.Add(watch.Elapsed.TotalMilliseconds);
                    }
                }

                times.Sort();
                var line = string.Create(CultureInfo.InvariantCulture, $"| {name} | {scenario} | {times[times.Count / 2]:F1} | {times[^1]:F1} |");
                report.AppendLine(line);
                Console.WriteLine(line);
            }
        }

        await Results.Write("queue", report);
    }

    /// <summary>The "next page" cursor after the <paramref name="position"/>th case, as a resident paging that far would hold it.</summary>
    private static async Task<string> CursorAfter(BenchRun run, List<string> services, int position)
    {
        await using var scope = run.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var last = await db.Cases.Where(c => services.Contains(c.ServiceCode)).OrderBy(c => c.DueOn).ThenBy(c => c.SubmittedAt).ThenBy(c => c.Reference).Skip(position - 1).FirstAsync();
        return ListDepartmentCases.Cursor.Of(last);
    }

    /// <summary>Open cases spread over the department's services, statuses, channels and 60 days of deadlines.</summary>
    private static async Task<List<string>> SeedCases(BenchRun run, int count)
    {
        var snapshot = await run.Services.GetRequiredService<CatalogueStore>().Current();
        var services = snapshot.Department("civil-affairs")!.Services.Select(s => s.Code).ToList();
        var statuses = new[] { CaseStatus.WithOfficer, CaseStatus.InProgress, CaseStatus.WaitingForResident };
        var channels = new[] { Channel.Online, Channel.Counter, Channel.Hotline, Channel.PartnerApp };
        var now = DateTime.UtcNow;
        for (var start = 0; start < count; start += 5000)
        {
            await using var scope = run.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            for (var i = start; i < Math.Min(count, start + 5000); i++)
            {
                var resident = new Resident { Id = Guid.NewGuid(), CreatedAt = now };
                db.Residents.Add(resident);
                db.Cases.Add(new Case
                {
                    Id = Guid.NewGuid(),
                    Reference = CaseReference.New(),
                    ServiceCode = services[i % services.Count],
                    ResidentId = resident.Id,
                    DraftId = Guid.NewGuid(),
                    Channel = channels[i % channels.Length],
                    ActorKind = i % 3 == 0 ? ActorKind.Staff : ActorKind.Resident,
                    SubmittedAt = now.AddMinutes(-i),
                    TimeLimitWorkingDays = 20,
                    DueOn = DateOnly.FromDateTime(now).AddDays(i % 60 - 10),
                    Status = statuses[i % statuses.Length],
                    Version = 1,
                    AssignedToName = i % 4 == 0 ? null : $"Officer {i % 12}",
                    FormVersion = "000000000000",
                    AnswersJson = "{}",
                });
            }

            await db.SaveChangesAsync();
        }

        return services;
    }
}
