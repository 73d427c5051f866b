using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Auth;
using Tongban.Platform.Data;
using Tongban.Platform.Web;

namespace Tongban.Residents.Assisted;

/// <summary>While a clerk or agent acts for a resident, every page she opens says for whom, on which channel and under which consent.</summary>
public sealed class AssistedSessionBanner(AppDbContext db, TimeProvider clock) : IPageBanner
{
    public async Task<(string Partial, object Model)?> Show(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User.Identity?.AuthenticationType != AuthSetup.StaffScheme || context.User.Id() is not { } staffId)
        {
            return null;
        }

        var since = clock.GetUtcNow().UtcDateTime - AssistedSession.MaxLength;
        var open = await db.AssistedSessions.AsNoTracking()
            .Where(s => s.StaffId == staffId && s.EndedAt == null && s.StartedAt > since)
            .OrderByDescending(s => s.StartedAt)
            .Join(db.Residents, s => s.ResidentId, r => r.Id, (s, r) => new { s.ResidentId, s.Channel, s.ConsentReference, r.FullName, r.MobileNumber })
            .FirstOrDefaultAsync(context.RequestAborted);
        return open is null
            ? null
            : ("/Residents/Assisted/Pages/_AssistedBanner.cshtml", new AssistedBannerModel(open.ResidentId, open.FullName ?? (open.MobileNumber is { } m ? MobileNumber.Masked(m) : "—"), open.Channel, open.ConsentReference));
    }
}

public sealed record AssistedBannerModel(Guid ResidentId, string Name, string Channel, string ConsentReference);
