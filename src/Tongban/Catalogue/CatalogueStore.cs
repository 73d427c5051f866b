using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;

namespace Tongban.Catalogue;

/// <summary>
/// Holds the current <see cref="CatalogueSnapshot"/>, loading it from the database on first use and
/// again after an import invalidates it. Each node holds its own; every node imports the same shipped
/// catalogue at start-up (docs/adr/0005-catalogue-snapshot-in-memory.md).
/// </summary>
public sealed class CatalogueStore(IServiceScopeFactory scopes) : IDisposable
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile CatalogueSnapshot? _current;

    public async ValueTask<CatalogueSnapshot> Current(CancellationToken cancellationToken = default)
    {
        if (_current is { } current)
        {
            return current;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            return _current ??= await Load(cancellationToken);
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>Drops the snapshot; the next reader loads the new catalogue.</summary>
    public void Invalidate() => _current = null;

    public void Dispose() => _loading.Dispose();

    private async Task<CatalogueSnapshot> Load(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // Loaded with tracking into one short-lived context, so that EF Core links the navigations
        // (department ↔ services, district ↔ halls) in memory; the context is then thrown away.
        var departments = await db.Departments.OrderBy(d => d.Code).ToListAsync(cancellationToken);
        await db.Categories.LoadAsync(cancellationToken);
        var districts = await db.Districts.Include(d => d.Halls).OrderBy(d => d.Id).ToListAsync(cancellationToken);
        var services = await db.Services.Where(s => s.RetiredAt == null).OrderBy(s => s.Code).ToListAsync(cancellationToken);
        var lifeEvents = await db.LifeEvents.OrderBy(e => e.Id).ToListAsync(cancellationToken);
        foreach (var d in departments)
        {
            d.Services = d.Services.OrderBy(s => s.Code, StringComparer.Ordinal).ToList();
        }

        foreach (var d in districts)
        {
            d.Halls = d.Halls.OrderBy(h => h.Id).ToList();
        }

        return new CatalogueSnapshot(departments, districts, services, lifeEvents);
    }
}
