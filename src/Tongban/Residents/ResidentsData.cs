using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;
using Tongban.Residents;

// In the root namespace, not the folder's: every feature's code sees the sets without a using, as it saw the
// context's own properties before.
namespace Tongban;

/// <summary>
/// Residents, their sign-in codes, proofs, delegations, assisted sessions and e-certificates, as sets of the one database context (not inside expression trees:
/// there use <c>db.Set&lt;T&gt;()</c>). The feature owns them, not the context, so that Platform names no feature.
/// </summary>
public static class ResidentsData
{
    extension(AppDbContext db)
    {
        public DbSet<Resident> Residents => db.Set<Resident>();
        public DbSet<Residents.SignIn.SignInCode> SignInCodes => db.Set<Residents.SignIn.SignInCode>();
        public DbSet<Residents.Identity.IdentityDispute> IdentityDisputes => db.Set<Residents.Identity.IdentityDispute>();
        public DbSet<Residents.Delegations.Delegation> Delegations => db.Set<Residents.Delegations.Delegation>();
        public DbSet<Residents.Assisted.AssistedSession> AssistedSessions => db.Set<Residents.Assisted.AssistedSession>();
        public DbSet<Residents.Certificates.ECertificate> ECertificates => db.Set<Residents.Certificates.ECertificate>();
    }
}
