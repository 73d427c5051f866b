using Microsoft.EntityFrameworkCore;
using Tongban.Catalogue;
using Tongban.Platform.Data;

// In the root namespace, not the folder's: every feature's code sees the sets without a using, as it saw the
// context's own properties before.
namespace Tongban;

/// <summary>
/// The catalogue, as sets of the one database context (not inside expression trees:
/// there use <c>db.Set&lt;T&gt;()</c>). The feature owns them, not the context, so that Platform names no feature.
/// </summary>
public static class CatalogueData
{
    extension(AppDbContext db)
    {
        public DbSet<Department> Departments => db.Set<Department>();
        public DbSet<Category> Categories => db.Set<Category>();
        public DbSet<District> Districts => db.Set<District>();
        public DbSet<ServiceHall> ServiceHalls => db.Set<ServiceHall>();
        public DbSet<Service> Services => db.Set<Service>();
        public DbSet<LifeEvent> LifeEvents => db.Set<LifeEvent>();
    }
}
