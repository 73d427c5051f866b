using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Tongban.Platform.Data;

/// <summary>
/// Writes many new rows of one entity type at once, for the seed command (ADR 0033) and the funnel's steps (ADR 0035):
/// PostgreSQL's binary COPY, or on SQLite one prepared INSERT run for each row. Columns and values come from the EF
/// Core model (names, value converters, JSON columns), so a row reads back exactly as if EF Core had written it; what
/// the model holds that this cannot write as EF Core would (shadow properties, a JSON collection with items) is
/// refused, not guessed.
/// It runs on the context's open connection, inside its current transaction, and bypasses the change tracker and EF
/// Core's interceptors: on SQLite the transaction it needs is what takes the write gate's turn.
/// </summary>
public static class BulkInsert
{
    public static async Task Write<T>(AppDbContext db, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var (columns, numbered) = Columns(entity);
        if (rows.Any(row => numbered.Any(key => !key.HasSentinelValue(row))))
        {
            throw new NotSupportedException($"{entity.DisplayName()} rows are numbered by the database: leave their key unset.");
        }

        // The table and its columns, quoted by the provider's own SQL helper as EF Core quotes them.
        var sql = db.GetService<ISqlGenerationHelper>();
        var target = $"{sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema())} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))})";
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk rows are written inside a transaction.");
        if (connection is NpgsqlConnection npgsql)
        {
            await Copy(npgsql, target, columns, rows, cancellationToken);
        }
        else
        {
            await InsertEach(connection, transaction, target, columns, rows, cancellationToken);
        }
    }

    /// <summary>A column and how to read its value from an entity, converted to what the provider stores.</summary>
    private sealed record Column(string Name, RelationalTypeMapping Mapping, Func<object, object?> Read);

    /// <summary>The columns written, and the keys the database numbers (left out, and to be left unset).</summary>
    private static (List<Column> Columns, List<IClrPropertyGetter> Numbered) Columns(IEntityType entity)
    {
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var (columns, numbered) = (new List<Column>(), new List<IClrPropertyGetter>());
        foreach (var property in entity.GetProperties())
        {
            if (property.IsShadowProperty())
            {
                throw new NotSupportedException($"{entity.DisplayName()}.{property.Name} is a shadow property.");
            }

            var mapping = (RelationalTypeMapping)property.GetTypeMapping();
            var getter = property.GetGetter();
            if (property.IsPrimaryKey() && property.ValueGenerated == ValueGenerated.OnAdd && (property.ClrType == typeof(long) || property.ClrType == typeof(int)))
            {
                // The database numbers these rows itself, as it does for EF Core's inserts: the column is left out.
                numbered.Add(getter);
                continue;
            }

            var converter = mapping.Converter;
            columns.Add(new(property.GetColumnName(table)!, mapping, converter is null ? getter.GetClrValue : row => getter.GetClrValue(row) is { } value ? converter.ConvertToProvider(value) : null));
        }

        foreach (var complex in entity.GetComplexProperties())
        {
            if (!complex.IsCollection || complex.ComplexType.GetContainerColumnName() is not { } container)
            {
                throw new NotSupportedException($"{entity.DisplayName()}.{complex.Name} is not a JSON collection.");
            }

            // EF Core writes an empty collection as an empty JSON array; one with items would need its JSON writer.
            var getter = complex.GetGetter();
            var mapping = entity.GetTableMappings().Single().Table.FindColumn(container)!.StoreTypeMapping;
            columns.Add(new(container, mapping, row => getter.GetClrValue(row) switch
            {
                null => null,
                System.Collections.ICollection { Count: 0 } => "[]",
                _ => throw new NotSupportedException($"{entity.DisplayName()}.{complex.Name} holds items."),
            }));
        }

        return (columns, numbered);
    }

    private static async Task InsertEach<T>(DbConnection connection, DbTransaction transaction, string target, List<Column> columns, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {target} VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        var parameters = columns.Select((c, i) => c.Mapping.CreateParameter(command, $"@p{i}", null, nullable: true)).ToArray();
        command.Parameters.AddRange(parameters);
        await command.PrepareAsync(cancellationToken);
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i].Value = columns[i].Read(row) ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task Copy<T>(NpgsqlConnection connection, string target, List<Column> columns, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        var types = columns.Select(c => c.Mapping.StoreTypeNameBase).ToArray();
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY {target} FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(cancellationToken);
            for (var i = 0; i < columns.Count; i++)
            {
                if (columns[i].Read(row) is { } value)
                {
                    await writer.WriteAsync(value, types[i], cancellationToken);
                }
                else
                {
                    await writer.WriteNullAsync(cancellationToken);
                }
            }
        }

        await writer.CompleteAsync(cancellationToken);
    }
}
