using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;

namespace Tongban;

/// <summary>The e-certificates the city issued, as a set of the one database context (see CasesData).</summary>
public static class CertificatesData
{
    extension(AppDbContext db)
    {
        public DbSet<Certificates.Certificate> Certificates => db.Set<Certificates.Certificate>();
    }
}
