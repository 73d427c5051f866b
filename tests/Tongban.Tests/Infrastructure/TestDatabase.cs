using Npgsql;
using Tongban.Platform.Data;

namespace Tongban.Tests.Infrastructure;

/// <summary>
/// A private, empty database for one app instance. SQLite by default; PostgreSQL when
/// TONGBAN_TEST_DATABASE=postgres, using the server in TONGBAN_TEST_POSTGRES (as .ci/run sets up).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;
    private readonly string? _sqliteFolder;

    private TestDatabase(string provider, string connectionString, string? postgresAdmin, string? postgresName, string? sqliteFolder)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _postgresAdmin = postgresAdmin;
        _postgresName = postgresName;
        _sqliteFolder = sqliteFolder;
    }

    public string Provider { get; }
    public string ConnectionString { get; }

    public static string RequestedProvider =>
        Environment.GetEnvironmentVariable("TONGBAN_TEST_DATABASE")?.Trim().ToLowerInvariant() switch
        {
            null or "" or DatabaseSetup.Sqlite => DatabaseSetup.Sqlite,
            DatabaseSetup.Postgres => DatabaseSetup.Postgres,
            var other => throw new InvalidOperationException($"TONGBAN_TEST_DATABASE='{other}' is not known; use sqlite or postgres."),
        };

    public static async Task<TestDatabase> CreateAsync()
    {
        if (RequestedProvider == DatabaseSetup.Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("tongban-test-").FullName;
            return new TestDatabase(DatabaseSetup.Sqlite, $"Data Source={Path.Combine(folder, "tongban.db")}", null, null, folder);
        }

        // Asking for PostgreSQL and not getting it is a failure, never a silent fallback to SQLite.
        var admin = Environment.GetEnvironmentVariable("TONGBAN_TEST_POSTGRES")
            ?? throw new InvalidOperationException("TONGBAN_TEST_DATABASE=postgres needs TONGBAN_TEST_POSTGRES, a connection string to a server where the user may create databases.");
        var name = "tongban_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        // A pool smaller than the server's limit, as in production (docs/operations.md): a hundred requests at once
        // then wait their turn for a connection instead of failing with "too many clients" (53300) when several
        // test classes run side by side.
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 40 };
        return new TestDatabase(DatabaseSetup.Postgres, builder.ConnectionString, admin, name, null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresAdmin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        if (_sqliteFolder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_sqliteFolder, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless; failing the run for it would not be.
            }
        }
    }
}
