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

        var open = await db.AssistedSessions.AsNoTracking().OpenFor(staffId, clock.GetUtcNow().UtcDateTime)
            .OrderByDescending(s => s.StartedAt)
            .Join(db.Residents, s => s.ResidentId, r => r.Id, (s, r) => new { Session = s, Resident = r })
            .FirstOrDefaultAsync(context.RequestAborted);
        return open is null
            ? null
            : ("/Residents/Assisted/Pages/_AssistedBanner.cshtml",
                new AssistedBannerModel(open.Session.ResidentId, ResidentName.Of(open.Resident), open.Session.Channel, open.Session.ConsentReference));
    }
}

public sealed record AssistedBannerModel(Guid ResidentId, string Name, Channel Channel, string ConsentReference);
