using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;
using Tongban.Staff;

// In the root namespace, not the folder's: every feature's code sees the sets without a using, as it saw the
// context's own properties before.
namespace Tongban;

/// <summary>
/// Staff accounts and their sign-in guards, as sets of the one database context (not inside expression trees:
/// there use <c>db.Set&lt;T&gt;()</c>). The feature owns them, not the context, so that Platform names no feature.
/// </summary>
public static class StaffData
{
    extension(AppDbContext db)
    {
        public DbSet<StaffMember> StaffMembers => db.Set<StaffMember>();
        public DbSet<Staff.SignIn.StaffSignInGuard> StaffSignInGuards => db.Set<Staff.SignIn.StaffSignInGuard>();
    }
}
