using Microsoft.EntityFrameworkCore;
using Tongban.Applications;
using Tongban.Platform.Data;

// In the root namespace, not the folder's: every feature's code sees the sets without a using, as it saw the
// context's own properties before.
namespace Tongban;

/// <summary>
/// Drafts and the form funnel, as sets of the one database context (not inside expression trees:
/// there use <c>db.Set&lt;T&gt;()</c>). The feature owns them, not the context, so that Platform names no feature.
/// </summary>
public static class ApplicationsData
{
    extension(AppDbContext db)
    {
        public DbSet<Draft> Drafts => db.Set<Draft>();
        public DbSet<FormEvent> FormEvents => db.Set<FormEvent>();
    }
}
