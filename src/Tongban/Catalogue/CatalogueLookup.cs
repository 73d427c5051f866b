using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;

namespace Tongban.Catalogue;

/// <summary>Finds catalogue items by the code in a URL; anything that cannot be a code is simply not found.</summary>
public static class CatalogueLookup
{
    public const int MaxCodeLength = 64;

    public static bool CouldBeCode(string? code) => !string.IsNullOrEmpty(code) && code.Length <= MaxCodeLength;

    public static async Task<Service?> Service(AppDbContext db, string? code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return CouldBeCode(code)
            ? await db.Services.AsNoTracking().Include(s => s.Department).Include(s => s.Category)
                .SingleOrDefaultAsync(s => s.Code == code && s.RetiredAt == null, cancellationToken)
            : null;
    }
}
