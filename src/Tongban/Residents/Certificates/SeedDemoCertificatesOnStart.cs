using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;

namespace Tongban.Residents.Certificates;

/// <summary>Adds the demo e-certificates that are not there yet (after migrations, which start first).</summary>
internal sealed class SeedDemoCertificatesOnStart(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var existing = await db.ECertificates.Select(c => c.Number).ToListAsync(cancellationToken);
        db.ECertificates.AddRange(DemoCertificates.All.Where(c => !existing.Contains(c.Number)).Select(c => new ECertificate
        {
            Id = Guid.NewGuid(),
            Kind = c.Kind,
            HolderIdNumber = c.HolderIdNumber,
            NamedIdNumber = c.NamedIdNumber,
            Number = c.Number,
            IssuedBy = c.IssuedBy,
            IssuedOn = c.IssuedOn,
        }));
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
