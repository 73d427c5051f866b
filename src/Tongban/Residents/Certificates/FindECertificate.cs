using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;

namespace Tongban.Residents.Certificates;

/// <summary>The e-certificate of a kind the city holds about a person: the newest one still valid, if any.</summary>
public sealed class FindECertificate(AppDbContext db)
{
    public async Task<ECertificate?> Handle(string kind, string? holderIdNumber, CancellationToken cancellationToken)
    {
        var holder = ResidentIdNumber.Normalize(holderIdNumber);
        if (holder.Length != 18)
        {
            return null;
        }

        return await db.ECertificates.AsNoTracking()
            .Where(c => c.Kind == kind && c.HolderIdNumber == holder && !c.Revoked)
            .OrderByDescending(c => c.IssuedOn).FirstOrDefaultAsync(cancellationToken);
    }
}
