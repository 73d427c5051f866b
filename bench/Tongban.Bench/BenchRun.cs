using System.Data.Common;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Tongban.Applications;
using Tongban.Cases;
using Tongban.Catalogue;
using Tongban.Catalogue.Forms;
using Tongban.Platform.Audit;
using Tongban.Platform.Data;
using Tongban.Residents;

namespace Tongban.Bench;

/// <summary>The real app (production settings, its own fresh database) with residents whose drafts are answered and ready to send.</summary>
internal sealed class BenchRun : WebApplicationFactory<Program>
{
    private readonly string _provider;
    private readonly string _connection;
    private readonly string? _folder;
    private readonly List<(Guid Resident, Guid Draft)> _drafts = [];
    private ApplicationForm _form = null!;

    private BenchRun(string provider, string connection, string? folder) => (_provider, _connection, _folder) = (provider, connection, folder);

    public static async Task<BenchRun> Start(string provider, string? postgres, int count)
    {
        string connection;
        string? folder = null;
        if (provider == "sqlite")
        {
            folder = Directory.CreateTempSubdirectory("tongban-bench-").FullName;
            connection = $"Data Source={Path.Combine(folder, "bench.db")}";
        }
        else
        {
            var database = $"tongban_bench_{Guid.NewGuid():N}";
            await using (var admin = new NpgsqlConnection(postgres))
            {
                await admin.OpenAsync();
                await using var create = admin.CreateCommand();
                create.CommandText = $"CREATE DATABASE \"{database}\"";
                await create.ExecuteNonQueryAsync();
            }

            connection = new NpgsqlConnectionStringBuilder(postgres) { Database = database, MaxPoolSize = 90 }.ConnectionString;
        }

        var run = new BenchRun(provider, connection, folder);
        await run.Seed(count);
        return run;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", _provider);
        builder.UseSetting("ConnectionStrings:Tongban", _connection);
        builder.UseSetting("Sms:Gateway:Url", "http://127.0.0.1:9/unused");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    private async Task Seed(int count)
    {
        _ = Services; // starts the app: migrations and catalogue import
        var snapshot = await Services.GetRequiredService<CatalogueStore>().Current();
        _form = snapshot.ApplicationForm("services", "elderly-allowance")!;
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTime.UtcNow;
        for (var i = 0; i < count; i++)
        {
            var resident = new Resident { Id = Guid.NewGuid(), MobileNumber = $"+86139{i:D8}", FullName = "王秀英", CreatedAt = now };
            var draft = new Draft { Id = Guid.NewGuid(), ResidentId = resident.Id, FormKey = _form.Key, StartedChannel = "Online", CreatedAt = now, UpdatedAt = now };
            draft.SetAnswers(new Dictionary<string, string>
            {
                ["applicant.fullName"] = "王秀英",
                ["applicant.idNumber"] = "440304194005010024",
                ["applicant.dateOfBirth"] = "1940-05-01",
                ["applicant.residency"] = "hukou",
                ["applicant.address"] = "福田区福中三路1号",
                ["bank.accountNumber"] = "6222000011112222",
            });
            db.Residents.Add(resident);
            db.Drafts.Add(draft);
            _drafts.Add((resident.Id, draft.Id));
        }

        await db.SaveChangesAsync();
    }

    /// <summary>Sends every draft through SubmitApplication, <paramref name="concurrency"/> at a time; the rate, and each call's milliseconds.</summary>
    public async Task<(double Rate, List<double> Milliseconds)> SubmitAll(int concurrency)
    {
        var latencies = new List<double>(_drafts.Count);
        var total = Stopwatch.StartNew();
        await Parallel.ForEachAsync(_drafts, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (d, ct) =>
        {
            await using var scope = Services.CreateAsyncScope();
            var submit = scope.ServiceProvider.GetRequiredService<SubmitApplication>();
            var watch = Stopwatch.StartNew();
            var result = await submit.Handle(d.Draft, _form, Actor.Self(d.Resident), ct);
            watch.Stop();
            if (result.Cases is not [{ Status: CaseStatus.Approved }])
            {
                throw new InvalidOperationException("The benchmark's submissions should all be approved at once.");
            }

            lock (latencies)
            {
                latencies.Add(watch.Elapsed.TotalMilliseconds);
            }
        });
        return (_drafts.Count / total.Elapsed.TotalSeconds, latencies);
    }

    /// <summary>The same rows (one case, one draft update, in one transaction each) written with bare ADO.NET commands.</summary>
    public async Task<(double Rate, List<double> Milliseconds)> InsertBare(int concurrency)
    {
        var latencies = new List<double>(_drafts.Count);
        var answers = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["applicant.fullName"] = "王秀英", ["applicant.idNumber"] = "440304194005010024", ["applicant.dateOfBirth"] = "1940-05-01",
            ["applicant.residency"] = "hukou", ["applicant.address"] = "福田区福中三路1号", ["bank.accountNumber"] = "6222000011112222",
        });
        var total = Stopwatch.StartNew();
        var outcomes = JsonSerializer.Serialize(new[] { new { RuleId = "aged-80", Passed = true, ReasonZhCn = "您已年满80周岁。", ReasonEn = "You are 80 or older." } });
        await Parallel.ForEachAsync(_drafts, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (d, ct) =>
        {
            var watch = Stopwatch.StartNew();
            await using DbConnection connection = _provider == "sqlite" ? new SqliteConnection(_connection) : new NpgsqlConnection(_connection);
            await connection.OpenAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO "Cases" ("Id", "Reference", "ServiceCode", "ResidentId", "DraftId", "Channel", "ActorKind", "ActorId", "SubmittedAt", "DueOn", "Status", "FormVersion", "AnswersJson", "RuleOutcomes", "DecidedAt")
                VALUES (@id, @reference, 'elderly-allowance', @resident, @draft, 'Online', 'Resident', @resident, @now, @due, 'Approved', '000000000000', @answers, @outcomes, @now)
                """;
            var now = DateTime.UtcNow;
            Add(insert, "id", Guid.NewGuid());
            Add(insert, "reference", CaseReference.New());
            Add(insert, "resident", d.Resident);
            Add(insert, "draft", Guid.NewGuid());
            Add(insert, "now", now);
            Add(insert, "due", DateOnly.FromDateTime(now).AddDays(28));
            Add(insert, "outcomes", outcomes, json: true);
            Add(insert, "answers", answers);
            await insert.ExecuteNonQueryAsync(ct);
            await using var update = connection.CreateCommand();
            update.Transaction = transaction;
            update.CommandText = """UPDATE "Drafts" SET "Revision" = "Revision" + 1 WHERE "Id" = @draft""";
            Add(update, "draft", d.Draft);
            await update.ExecuteNonQueryAsync(ct);
            await transaction.CommitAsync(ct);
            watch.Stop();
            lock (latencies)
            {
                latencies.Add(watch.Elapsed.TotalMilliseconds);
            }
        });
        return (_drafts.Count / total.Elapsed.TotalSeconds, latencies);
    }

    /// <summary>Values as each provider's EF Core mapping stores them (SQLite: text), so both write the same bytes.</summary>
    private void Add(DbCommand command, string name, object value, bool json = false)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = _provider != "sqlite"
            ? value
            : value switch
            {
                Guid g => g.ToString().ToUpperInvariant(),
                DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture),
                DateOnly day => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                _ => value,
            };
        if (json && parameter is NpgsqlParameter npgsql)
        {
            npgsql.NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Jsonb;
        }

        command.Parameters.Add(parameter);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_folder is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }
    }
}
