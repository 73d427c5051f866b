using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Audit;
using Tongban.Platform.Jobs;

namespace Tongban.Platform.Data;

/// <summary>
/// The one database context. Each provider has a subclass only so that each keeps its own migrations
/// (see docs/adr/0002-two-providers-two-migration-sets.md). It names only Platform's own sets: each feature adds
/// its sets as extension properties in its own folder (Residents/ResidentsData.cs, …) and its entity
/// configurations are found by assembly scan.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<Job> Jobs => Set<Job>();
    public DbSet<AuditRecord> AuditRecords => Set<AuditRecord>();
    public DbSet<AuditHead> AuditHeads => Set<AuditHead>();
    public DbSet<Audit.Anchor.AuditTreeNode> AuditTreeNodes => Set<Audit.Anchor.AuditTreeNode>();
    public DbSet<Audit.Anchor.AuditTreeHead> AuditTreeHeads => Set<Audit.Anchor.AuditTreeHead>();
    public DbSet<Audit.Anchor.AuditAnchorCheck> AuditAnchorChecks => Set<Audit.Anchor.AuditAnchorCheck>();
    public DbSet<KeyLock> KeyLocks => Set<KeyLock>();
    public DbSet<Auth.SignInSession> SignInSessions => Set<Auth.SignInSession>();

    /// <summary>ASP.NET Core data-protection keys, shared by every node (cookies, antiforgery).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>A channel is stored by its name wherever it appears (text columns, readable in reports and stable across renumbering).</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<Channel>().HaveConversion<string>().HaveMaxLength(12);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        // The partner API's OAuth clients, consents and tokens (OpenIddict's own entities, PartnerApi/).
        modelBuilder.UseOpenIddict();
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
