using Microsoft.EntityFrameworkCore;
using Tongban.Catalogue;

namespace Tongban.Platform.Data;

/// <summary>
/// The one database context. Each provider has a subclass only so that each keeps its own migrations
/// (see docs/adr/0002-two-providers-two-migration-sets.md).
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<District> Districts => Set<District>();
    public DbSet<ServiceHall> ServiceHalls => Set<ServiceHall>();
    public DbSet<Service> Services => Set<Service>();
    public DbSet<LifeEvent> LifeEvents => Set<LifeEvent>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
