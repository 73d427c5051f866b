using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;

namespace Tongban;

/// <summary>Ratings (好差评) and the rectifications bad ones oblige, as sets of the one database context (see CasesData).</summary>
public static class RatingsData
{
    extension(AppDbContext db)
    {
        public DbSet<Ratings.Rating> Ratings => db.Set<Ratings.Rating>();
        public DbSet<Ratings.Rectifications.Rectification> Rectifications => db.Set<Ratings.Rectifications.Rectification>();
        public DbSet<Ratings.Helpful.PageFeedback> PageFeedback => db.Set<Ratings.Helpful.PageFeedback>();
    }
}
