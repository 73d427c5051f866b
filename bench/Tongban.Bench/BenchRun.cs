using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Tongban.Applications;
using Tongban.Cases;
using Tongban.Catalogue;
using Tongban.Catalogue.Forms;
using Tongban.Platform.Audit;
using Tongban.Platform.Auth;
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
    private readonly Dictionary<Guid, string> _stamps = [];
    private readonly Dictionary<Guid, Guid> _sessions = [];
    private ApplicationForm _form = null!;

    /// <summary>The database this run made, for another process of the app to use.</summary>
    public string Connection => _connection;

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
        // A throw-away database: its keys need no encryption at rest (docs/operations.md).
        builder.UseSetting("DataProtection:UnencryptedKeys", "true");
        builder.UseSetting("Files:Clamd:Disabled", "true");
        builder.UseSetting("Audit:Anchor:KeyPath", PublishedServer.AnchorKey);
        builder.UseSetting("Certificates:KeysPath", PublishedServer.IssuerKeys);
        builder.UseSetting("Certificates:IssuerDomain", "localhost");
        builder.UseSetting("Partners:Api:KeysPath", PublishedServer.PartnerKeys);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Delivering the notifications would compete with the submissions being measured.
        builder.UseSetting("Jobs:Run", "false");
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
            var draft = new Draft { Id = Guid.NewGuid(), ResidentId = resident.Id, FormKey = _form.Key, StartedChannel = Channel.Online, CreatedAt = now, UpdatedAt = now };
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
            _stamps[resident.Id] = resident.SecurityStamp;
            var session = new SignInSession { Id = Guid.NewGuid(), AccountId = resident.Id, StartedAt = DateTime.UtcNow };
            db.SignInSessions.Add(session);
            _sessions[resident.Id] = session.Id;
        }

        await db.SaveChangesAsync();
    }

    /// <summary>The drafts seeded, in slices, one per round: a draft is sent only once.</summary>
    public IReadOnlyList<(Guid Resident, Guid Draft)> Drafts(int start, int count) => _drafts.GetRange(start, count);

    /// <summary>
    /// What each resident's browser sends when she presses "send" on the check page, as one line: her cookies
    /// (signed in, and the antiforgery cookie), a tab, the form. Made with the app's own keys, which live in
    /// the database, so another process of the app on the same database accepts them.
    /// </summary>
    public IEnumerable<string> SendRequests(IReadOnlyList<(Guid Resident, Guid Draft)> drafts) =>
        Requests(drafts, (draft, token) => $"draft={draft}&__RequestVerificationToken={token}");

    /// <summary>The same for an answer to the bank account question, a different account number each resident.</summary>
    public IEnumerable<string> AnswerRequests(IReadOnlyList<(Guid Resident, Guid Draft)> drafts) =>
        Requests(drafts, (draft, token) => $"answer=6222+0000+{draft.GetHashCode() & 0x1FFF:D4}+2222&__RequestVerificationToken={token}");

    private IEnumerable<string> Requests(IReadOnlyList<(Guid Resident, Guid Draft)> drafts, Func<Guid, string, string> body)
    {
        var tickets = Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(AuthSetup.ResidentScheme).TicketDataFormat;
        var antiforgery = Services.GetRequiredService<IAntiforgery>();
        var now = DateTimeOffset.UtcNow;
        foreach (var (resident, draft) in drafts)
        {
            var principal = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.NameIdentifier, resident.ToString()), new Claim(AuthSetup.StampClaim, _stamps[resident]), new Claim(SignInSessions.SessionClaim, _sessions[resident].ToString())], AuthSetup.ResidentScheme));
            var signedIn = tickets.Protect(new AuthenticationTicket(principal, new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now.AddHours(2) }, AuthSetup.ResidentScheme));
            var context = new DefaultHttpContext { RequestServices = Services, User = principal };
            context.Request.Scheme = "https";
            var tokens = antiforgery.GetTokens(context);
            yield return $".Tongban.Resident={signedIn}; .Tongban.Antiforgery={tokens.CookieToken}\t{body(draft, Uri.EscapeDataString(tokens.RequestToken!))}";
        }
    }

    /// <summary>Sends the drafts through SubmitApplication, <paramref name="concurrency"/> at a time; the rate, and each call's milliseconds.</summary>
    public async Task<(double Rate, List<double> Milliseconds, List<double> DecisionMilliseconds)> SubmitAll(IReadOnlyList<(Guid Resident, Guid Draft)> drafts, int concurrency)
    {
        var latencies = new List<double>(drafts.Count);
        var decisions = new List<double>(drafts.Count);
        using var listener = Listen(SubmissionMetrics.DecisionDuration, decisions);
        var total = Stopwatch.StartNew();
        await Parallel.ForEachAsync(drafts, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (d, ct) =>
        {
            await using var scope = Services.CreateAsyncScope();
            var submit = scope.ServiceProvider.GetRequiredService<SubmitApplication>();
            var watch = Stopwatch.StartNew();
            var result = await submit.Handle(d.Draft, d.Resident, _form, Actor.Self(d.Resident), ct);
            watch.Stop();
            if (result?.Cases is not [{ Status: CaseStatus.Approved }])
            {
                throw new InvalidOperationException("The benchmark's submissions should all be approved at once.");
            }

            lock (latencies)
            {
                latencies.Add(watch.Elapsed.TotalMilliseconds);
            }
        });
        return (drafts.Count / total.Elapsed.TotalSeconds, latencies, decisions);
    }

    /// <summary>Milliseconds recorded by this app's <paramref name="instrument"/> (the rules' own time for each decision).</summary>
    private MeterListener Listen(string instrument, List<double> into)
    {
        var meters = Services.GetRequiredService<IMeterFactory>();
        var listener = new MeterListener
        {
            InstrumentPublished = (i, l) =>
            {
                if (i.Name == instrument && i.Meter.Scope == meters)
                {
                    l.EnableMeasurementEvents(i);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((_, seconds, _, _) =>
        {
            lock (into)
            {
                into.Add(seconds * 1000);
            }
        });
        listener.Start();
        return listener;
    }

    /// <summary>
    /// The same rows (the case, its three log entries, the notification and its delivery job, the funnel's step,
    /// the draft update, in one transaction each) written with bare ADO.NET commands, <paramref name="concurrency"/>
    /// at a time. With <paramref name="takeTurns"/> each transaction first waits its turn on one semaphore, as
    /// Tongban's writes do on SQLite (ADR 0015), instead of meeting a busy database and sleeping in
    /// Microsoft.Data.Sqlite's retry.
    /// </summary>
    public async Task<BareWrites> InsertBare(IReadOnlyList<(Guid Resident, Guid Draft)> drafts, int concurrency, bool takeTurns = false)
    {
        using var turns = new SemaphoreSlim(1, 1);
        var latencies = new List<double>(drafts.Count);
        var answers = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["applicant.fullName"] = "王秀英", ["applicant.idNumber"] = "440304194005010024", ["applicant.dateOfBirth"] = "1940-05-01",
            ["applicant.residency"] = "hukou", ["applicant.address"] = "福田区福中三路1号", ["bank.accountNumber"] = "6222000011112222",
        });
        // Connections opened before the clock starts, as the app's pool already holds them: the bare writes are not
        // charged for connecting when the pool was emptied after the last round (CloseBareConnections).
        await Parallel.ForEachAsync(Enumerable.Range(0, concurrency), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (_, ct) =>
        {
            await using DbConnection connection = _provider == "sqlite" ? new SqliteConnection(_connection) : new NpgsqlConnection(_connection);
            await connection.OpenAsync(ct);
            await Task.Delay(50, ct); // held a moment, so that they are open at the same time
        });
        var total = Stopwatch.StartNew();
        var outcomes = JsonSerializer.Serialize(new[] { new { RuleId = "aged-80", Passed = true, ReasonZhCn = "您已年满80周岁。", ReasonEn = "You are 80 or older." } });
        await Parallel.ForEachAsync(drafts, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (d, ct) =>
        {
            var watch = Stopwatch.StartNew();
            await using DbConnection connection = _provider == "sqlite" ? new SqliteConnection(_connection) : new NpgsqlConnection(_connection);
            await connection.OpenAsync(ct);
            if (takeTurns)
            {
                await turns.WaitAsync(ct);
            }

            try
            {
                await Write(connection, d, ct);
            }
            finally
            {
                if (takeTurns)
                {
                    turns.Release();
                }
            }

            watch.Stop();
            lock (latencies)
            {
                latencies.Add(watch.Elapsed.TotalMilliseconds);
            }
        });
        return new BareWrites(drafts.Count / total.Elapsed.TotalSeconds, latencies);

        async Task Write(DbConnection connection, (Guid Resident, Guid Draft) d, CancellationToken ct)
        {
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
            var caseId = insert.Parameters["id"].Value!;
            var emptyItems = _provider == "sqlite" ? "'[]'" : "'{}'";
            foreach (var (sequence, kind, actor) in new[] { (1, "Submitted", "Resident"), (2, "Accepted", "Rule"), (3, "Approved", "Rule") })
            {
                await using var log = connection.CreateCommand();
                log.Transaction = transaction;
                log.CommandText = $"""
                    INSERT INTO "CaseActions" ("CaseId", "Sequence", "Kind", "At", "ActorKind", "ActorId", "Channel", "Items")
                    VALUES (@case, {sequence}, '{kind}', @now, '{actor}', @resident, 'Online', {emptyItems})
                    """;
                AddRaw(log, "case", caseId);
                Add(log, "now", now);
                Add(log, "resident", d.Resident);
                await log.ExecuteNonQueryAsync(ct);
            }

            var notification = Guid.NewGuid();
            await using var outbox = connection.CreateCommand();
            outbox.Transaction = transaction;
            outbox.CommandText = """
                INSERT INTO "Notifications" ("Id", "ResidentId", "CaseId", "Key", "Text", "Subject", "Channel", "Address", "Status", "Attempts", "CreatedAt")
                VALUES (@id, @resident, @case, @key, '【通办】您的高龄津贴申请已获批准。', '【通办】您的申请有新进展', 'Sms', '+8613900000000', 'Pending', 0, @now)
                """;
            Add(outbox, "id", notification);
            Add(outbox, "resident", d.Resident);
            AddRaw(outbox, "case", caseId);
            Add(outbox, "key", $"case:{Guid.NewGuid():N}:3");
            Add(outbox, "now", now);
            await outbox.ExecuteNonQueryAsync(ct);
            await using var job = connection.CreateCommand();
            job.Transaction = transaction;
            job.CommandText = """INSERT INTO "Jobs" ("Id", "Kind", "Subject", "RunAt", "Attempts") VALUES (@id, 'DeliverNotification', @subject, @now, 0)""";
            Add(job, "id", Guid.NewGuid());
            Add(job, "subject", notification.ToString());
            Add(job, "now", now);
            await job.ExecuteNonQueryAsync(ct);
            await using var funnel = connection.CreateCommand();
            funnel.Transaction = transaction;
            funnel.CommandText = """
                INSERT INTO "FormEvents" ("FormKey", "Page", "Step", "Channel", "AgeBand", "District", "Language", "Needs", "At")
                VALUES ('services/elderly-allowance', 'check', 'Submitted', 'Online', 'unknown', 'unknown', 'unknown', 'unknown', @now)
                """;
            Add(funnel, "now", now);
            await funnel.ExecuteNonQueryAsync(ct);
            await using var update = connection.CreateCommand();
            update.Transaction = transaction;
            update.CommandText = """UPDATE "Drafts" SET "Revision" = "Revision" + 1 WHERE "Id" = @draft""";
            Add(update, "draft", d.Draft);
            await update.ExecuteNonQueryAsync(ct);
            await transaction.CommitAsync(ct);
        }
    }

    /// <summary>
    /// Closes the bare writes' idle PostgreSQL connections, so that a published app measured next on the same
    /// database does not share the server with a hundred idle sessions it would not have in production.
    /// </summary>
    public void CloseBareConnections()
    {
        if (_provider != "sqlite")
        {
            using var connection = new NpgsqlConnection(_connection);
            NpgsqlConnection.ClearPool(connection);
        }
    }

    /// <summary>Values as each provider's EF Core mapping stores them (SQLite: text), so both write the same bytes.</summary>
    public static object Stored(string provider, object value) => provider != "sqlite"
        ? value
        : value switch
        {
            Guid g => g.ToString().ToUpperInvariant(),
            DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture),
            DateOnly day => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            _ => value,
        };

    private void Add(DbCommand command, string name, object value, bool json = false)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = Stored(_provider, value);
        if (json && parameter is NpgsqlParameter npgsql)
        {
            npgsql.NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Jsonb;
        }

        command.Parameters.Add(parameter);
    }

    /// <summary>A value already converted by <see cref="Add"/> for another command.</summary>
    private static void AddRaw(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
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

/// <summary>How fast the bare ADO.NET writes went, and each one's time.</summary>
internal sealed record BareWrites(double Rate, List<double> Milliseconds);
