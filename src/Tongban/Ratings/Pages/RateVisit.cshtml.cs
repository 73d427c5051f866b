using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Audit;
using Tongban.Platform.Auth;
using Tongban.Platform.Data;
using Tongban.Platform.Web;
using Tongban.Ratings.Rectifications;
using Tongban.Ratings.Visits;
using Tongban.Residents.Access;
using Tongban.Residents.Assisted;

namespace Tongban.Ratings.Pages;

/// <summary>
/// <c>/me/visits/{id}</c>: her rating of one counter visit or 12345 call (一次一评), once it has ended; afterwards her
/// rating and, for a bad review, what the department did and whether that satisfies her. Only she sees it.
/// </summary>
[Authorize(Policy = AuthSetup.ResidentPolicy)]
public sealed class RateVisitModel(AppDbContext db, ResidentAccessPolicy policy, RateVisit rate, JudgeRectification judge) : PageModel
{
    [BindProperty]
    public int? Level { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    public Dictionary<string, int?> Dimensions { get; private set; } = [];
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];
    public AssistedSession Visit { get; private set; } = null!;
    public Rating? Rating { get; private set; }
    public IReadOnlyList<Rectification> Rounds { get; private set; } = [];
    public bool Ended { get; private set; }

    [BindProperty(SupportsGet = true)]
    public bool Thanks { get; set; }

    public Rectification? AwaitingVerdict => Rounds.Count > 0 && Rounds[^1] is { AnsweredAt: not null, Satisfied: null } r ? r : null;

    public async Task<IActionResult> OnGet(Guid id, CancellationToken cancellationToken) =>
        await Load(id, cancellationToken) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPost(Guid id, CancellationToken cancellationToken)
    {
        if (await Load(id, cancellationToken) is not { } her)
        {
            return NotFound();
        }

        Dimensions = RatingInput.DimensionsFrom(Request.Form);
        var result = await rate.Handle(Visit, her, RatedVia.Web, new RatingInput(Level, Dimensions, Comment), cancellationToken);
        if (result.Outcome == RateOutcome.Rated)
        {
            return Redirect($"/me/visits/{id:N}?thanks=true");
        }

        Errors = result.Problems;
        await Load(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostVerdict(Guid id, bool satisfied, CancellationToken cancellationToken)
    {
        if (await Load(id, cancellationToken) is null)
        {
            return NotFound();
        }

        if (Rating is not null)
        {
            await judge.Handle(Rating.Id, satisfied, cancellationToken);
        }

        return Redirect($"/me/visits/{id:N}");
    }

    /// <summary>Her own visit or call that can be rated, and she; null (not found) for anyone else's, as for one that does not exist.</summary>
    private async Task<Actor?> Load(Guid id, CancellationToken cancellationToken)
    {
        if (User.Id() is not { } me || await policy.Decide(HttpContext, me, ResidentOperation.ViewProfile) is not { Kind: ActorKind.Resident } her)
        {
            return null;
        }

        var visit = await db.AssistedSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id && s.ResidentId == me, cancellationToken);
        if (visit is not { Rateable: true })
        {
            return null;
        }

        Visit = visit;
        Ended = rate.Ended(visit);
        Rating = await db.Ratings.AsNoTracking().SingleOrDefaultAsync(r => r.VisitId == id, cancellationToken);
        Rounds = Rating is null ? [] : await db.Rectifications.AsNoTracking().Where(r => r.RatingId == Rating.Id).OrderBy(r => r.Round).ToListAsync(cancellationToken);
        return her;
    }
}
