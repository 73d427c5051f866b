using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Tongban.Applications;
using Tongban.Cases;
using Tongban.Cases.Log;
using Tongban.Catalogue;
using Tongban.Platform.Audit;
using Tongban.Platform.Jobs;
using Tongban.Residents;
using Tongban.Residents.Assisted;
using Tongban.Residents.Delegations;
using Tongban.Residents.SignIn;
using Tongban.Staff;

namespace Tongban.Platform.Data;

/// <summary>
/// The one database context. Each provider has a subclass only so that each keeps its own migrations
/// (see docs/adr/0002-two-providers-two-migration-sets.md).
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<District> Districts => Set<District>();
    public DbSet<ServiceHall> ServiceHalls => Set<ServiceHall>();
    public DbSet<Service> Services => Set<Service>();
    public DbSet<LifeEvent> LifeEvents => Set<LifeEvent>();
    public DbSet<Resident> Residents => Set<Resident>();
    public DbSet<SignInCode> SignInCodes => Set<SignInCode>();
    public DbSet<Residents.Identity.IdentityDispute> IdentityDisputes => Set<Residents.Identity.IdentityDispute>();
    public DbSet<StaffMember> StaffMembers => Set<StaffMember>();
    public DbSet<Staff.SignIn.StaffSignInGuard> StaffSignInGuards => Set<Staff.SignIn.StaffSignInGuard>();
    public DbSet<Delegation> Delegations => Set<Delegation>();
    public DbSet<AssistedSession> AssistedSessions => Set<AssistedSession>();
    public DbSet<Draft> Drafts => Set<Draft>();
    public DbSet<FormEvent> FormEvents => Set<FormEvent>();
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<CaseAction> CaseActions => Set<CaseAction>();
    public DbSet<Job> Jobs => Set<Job>();
    public DbSet<Notifications.Notification> Notifications => Set<Notifications.Notification>();
    public DbSet<Notifications.Letters.PrintBatch> PrintBatches => Set<Notifications.Letters.PrintBatch>();
    public DbSet<Staff.Alerts.StaffAlert> StaffAlerts => Set<Staff.Alerts.StaffAlert>();
    public DbSet<Residents.Certificates.ECertificate> ECertificates => Set<Residents.Certificates.ECertificate>();
    public DbSet<AuditRecord> AuditRecords => Set<AuditRecord>();
    public DbSet<AuditHead> AuditHeads => Set<AuditHead>();
    public DbSet<Audit.Anchor.AuditTreeNode> AuditTreeNodes => Set<Audit.Anchor.AuditTreeNode>();
    public DbSet<Audit.Anchor.AuditTreeHead> AuditTreeHeads => Set<Audit.Anchor.AuditTreeHead>();
    public DbSet<Audit.Anchor.AuditAnchorCheck> AuditAnchorChecks => Set<Audit.Anchor.AuditAnchorCheck>();
    public DbSet<KeyLock> KeyLocks => Set<KeyLock>();
    public DbSet<Auth.SignInSession> SignInSessions => Set<Auth.SignInSession>();

    /// <summary>ASP.NET Core data-protection keys, shared by every node (cookies, antiforgery).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
