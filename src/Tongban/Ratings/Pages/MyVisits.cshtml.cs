using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Auth;
using Tongban.Platform.Data;
using Tongban.Residents.Assisted;

namespace Tongban.Ratings.Pages;

/// <summary><c>/me/visits</c>: her counter visits and 12345 calls of the last 90 days, newest first, each with its rating or the way to give one.</summary>
[Authorize(Policy = AuthSetup.ResidentPolicy)]
public sealed class MyVisitsModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public static readonly TimeSpan Shown = TimeSpan.FromDays(90);

    public IReadOnlyList<(AssistedSession Visit, int? Level)> Visits { get; private set; } = [];

    public async Task OnGet(CancellationToken cancellationToken)
    {
        var me = User.Id()!.Value;
        var since = clock.GetUtcNow().UtcDateTime - Shown;
        var ratings = db.Ratings;
        Visits = (await db.AssistedSessions.AsNoTracking()
                .Where(s => s.ResidentId == me && s.StartedAt >= since && (s.Channel == Channel.Counter || s.Channel == Channel.Hotline))
                .OrderByDescending(s => s.StartedAt).Take(50)
                .Select(s => new { Visit = s, Level = ratings.Where(r => r.VisitId == s.Id).Select(r => (int?)r.Level).FirstOrDefault() })
                .ToListAsync(cancellationToken))
            .Select(x => (x.Visit, x.Level)).ToList();
    }
}
