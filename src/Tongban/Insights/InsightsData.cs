using Microsoft.EntityFrameworkCore;
using Tongban.Insights;
using Tongban.Platform.Data;

// In the root namespace, not the folder's, as every feature's sets are.
namespace Tongban;

/// <summary>The observatory's counts, as a set of the one database context.</summary>
public static class InsightsData
{
    extension(AppDbContext db)
    {
        public DbSet<InsightCell> InsightCells => db.Set<InsightCell>();
    }
}
