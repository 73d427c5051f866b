using Microsoft.EntityFrameworkCore;
using Tongban.Entitlements;
using Tongban.Platform.Data;

// In the root namespace, not the folder's, as every feature's sets are.
namespace Tongban;

/// <summary>The city's offers, as a set of the one database context.</summary>
public static class EntitlementsData
{
    extension(AppDbContext db)
    {
        public DbSet<Offer> Offers => db.Set<Offer>();
    }
}
