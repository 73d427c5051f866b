using Microsoft.EntityFrameworkCore;
using Tongban.Cases;
using Tongban.Platform.Data;

// In the root namespace, not the folder's: every feature's code sees the sets without a using, as it saw the
// context's own properties before.
namespace Tongban;

/// <summary>
/// Cases and their action log, as sets of the one database context (not inside expression trees:
/// there use <c>db.Set&lt;T&gt;()</c>). The feature owns them, not the context, so that Platform names no feature.
/// </summary>
public static class CasesData
{
    extension(AppDbContext db)
    {
        public DbSet<Case> Cases => db.Set<Case>();
        public DbSet<Cases.Log.CaseAction> CaseActions => db.Set<Cases.Log.CaseAction>();
        public DbSet<Cases.Alerts.StaffAlert> StaffAlerts => db.Set<Cases.Alerts.StaffAlert>();
    }
}
