using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tongban.Catalogue;
using Tongban.Platform.Calendar;
using Tongban.Platform.Data;

namespace Tongban.Insights.Seeding;

/// <summary>
/// <c>seed --residents N --seed S [--cases M]</c>: fills an empty database with a synthetic city
/// (<see cref="SyntheticCity"/>) and counts it for the observatory. The database is migrated and the catalogue
/// imported first, as on start; a database that already holds cases is left alone.
/// </summary>
public static class SeedCommand
{
    private const int ResidentsPerBatch = 2000;

    public static async Task<int> Run(IServiceProvider services, string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        if (Parse(args) is not var (residents, seed, cases))
        {
            await output.WriteLineAsync("usage: seed --residents N --seed S [--cases M]   (N from 1 to 10,000,000; M cases in all, by default 5 per resident)");
            return 2;
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if (await db.Cases.AnyAsync(cancellationToken))
            {
                await output.WriteLineAsync("This database already holds cases: seed an empty one (for SQLite, delete src/Tongban/data/tongban.db, or set ConnectionStrings__Tongban).");
                return 1;
            }
        }

        var catalogue = await services.GetRequiredService<CatalogueStore>().Current(cancellationToken);
        var clock = services.GetRequiredService<TimeProvider>();
        var city = new SyntheticCity(seed, catalogue, services.GetRequiredService<WorkingDayCalendar>(), clock.Today(), (double)cases / residents);
        var progress = new SeedProgress(output, !Console.IsOutputRedirected, residents);
        var (done, written) = (0, 0);
        progress.Report(0, 0);
        while (done < residents)
        {
            var batch = city.Next(Math.Min(ResidentsPerBatch, residents - done));
            await Write(services, batch, cancellationToken);
            done += batch.Residents.Count;
            written += batch.Cases.Count;
            progress.Report(done, written);
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var cells = await scope.ServiceProvider.GetRequiredService<RefreshInsights>().Handle(cancellationToken);
            await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "Seeded {0:N0} residents and {1:N0} cases in {2:mm\\:ss}; the observatory counted them into {3:N0} cells.", done, written, progress.Elapsed, cells));
        }

        return 0;
    }

    private static (int Residents, int Seed, int Cases)? Parse(string[] args)
    {
        var values = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (args[i] is not ("--residents" or "--seed" or "--cases") || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return null;
            }

            values[args[i]] = value;
        }

        if (args.Length % 2 != 0 || !values.TryGetValue("--residents", out var residents) || residents is < 1 or > 10_000_000)
        {
            return null;
        }

        var cases = values.GetValueOrDefault("--cases", residents * 5);
        return cases is < 0 or > 50_000_000 ? null : (residents, values.GetValueOrDefault("--seed", 1), cases);
    }

    private static async Task Write(IServiceProvider services, CityBatch batch, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await Write(scope.ServiceProvider.GetRequiredService<AppDbContext>(), batch, cancellationToken);
    }

    /// <summary>One batch in one transaction, in bulk (ADR 0033), parents before the rows that refer to them.</summary>
    public static async Task Write(AppDbContext db, CityBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(batch);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // Random keys land on every page of their indexes: with SQLite's default 2 MB cache each row read and wrote
            // pages through the kernel. The command has the database to itself, so it may keep a large share of it.
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -1048576", cancellationToken); // 1 GiB, this connection only
        }

        await BulkInsert.Write(db, batch.Residents, cancellationToken);
        await BulkInsert.Write(db, batch.Drafts, cancellationToken);
        await BulkInsert.Write(db, batch.FormEvents, cancellationToken);
        await BulkInsert.Write(db, batch.Cases, cancellationToken);
        await BulkInsert.Write(db, batch.Actions, cancellationToken);
        await BulkInsert.Write(db, batch.Ratings, cancellationToken);
        await BulkInsert.Write(db, batch.Rectifications, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
