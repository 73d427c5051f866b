using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tongban.Cases;
using Tongban.Catalogue;
using Tongban.Platform.Audit;
using Tongban.Platform.Data;
using Tongban.Platform.Localization;
using Tongban.Platform.Web;
using Tongban.Ratings.Counter;
using Tongban.Residents.Assisted;

namespace Tongban.Ratings.Pages;

/// <summary>
/// <c>/counter/rate/{token}</c>: the counter tablet. No sign-in: the one-use link the clerk opened is the key. Five big
/// answers, the offline dimensions if she wants, a comment; then the link is spent. A used, expired or unknown link
/// says so, and nothing is counted twice.
/// </summary>
[AllowAnonymous]
public sealed class CounterRateModel(AppDbContext db, OpenCounterRating tokens, RateCase rate, Visits.RateVisit rateVisit, CatalogueStore catalogue, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public int? Level { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    public Dictionary<string, int?> Dimensions { get; private set; } = [];
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];
    public string ServiceName { get; private set; } = "";

    /// <summary>Why the link cannot be used, or null while it can.</summary>
    public string? Closed { get; private set; }

    public bool Thanks { get; private set; }

    public async Task<IActionResult> OnGet(string token, CancellationToken cancellationToken) =>
        await Load(token, cancellationToken) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPost(string token, CancellationToken cancellationToken)
    {
        if (await Load(token, cancellationToken) is not var (link, target, visit))
        {
            return NotFound();
        }

        if (Closed is not null)
        {
            return Page();
        }

        Dimensions = RatingInput.DimensionsFrom(Request.Form);
        var input = new RatingInput(Level, Dimensions, Comment);
        Errors = input.Problems(RatingDimensions.Offline, t);
        if (Errors.Count > 0)
        {
            return Page();
        }

        if (!await tokens.Spend(link.Id, cancellationToken))
        {
            Closed = t["This rating link has been used already. Thank you."];
            return Page();
        }

        var her = Actor.Self(target?.ResidentId ?? visit!.ResidentId) with { Channel = Channel.Counter };
        var result = target is not null
            ? await rate.Handle(target, her, RatedVia.CounterTablet, input, cancellationToken)
            : await rateVisit.Handle(visit!, her, RatedVia.CounterTablet, input, cancellationToken);
        Thanks = result.Outcome == RateOutcome.Rated;
        Errors = result.Problems;
        return Page();
    }

    /// <summary>The link and its case or visit; null for a link that never existed. <see cref="Closed"/> says why a known one cannot be used.</summary>
    private async Task<(CounterRatingToken Link, Case? Case, AssistedSession? Visit)?> Load(string token, CancellationToken cancellationToken)
    {
        if (await tokens.Find(token, cancellationToken) is not { } link)
        {
            return null;
        }

        var target = link.CaseId is { } caseId ? await db.Cases.AsNoTracking().SingleAsync(c => c.Id == caseId, cancellationToken) : null;
        var visit = target is null ? await db.AssistedSessions.AsNoTracking().SingleAsync(s => s.Id == link.VisitId, cancellationToken) : null;
        ServiceName = RatedSubject.ServiceName(await catalogue.Current(cancellationToken), target?.ServiceCode ?? Visits.VisitService.CounterVisit, t);
        Closed = link.UsedAt is not null ? t["This rating link has been used already. Thank you."].Value
            : link.ExpiresAt <= clock.GetUtcNow().UtcDateTime ? t["This rating link has expired. The clerk can make a new one."].Value
            : null;
        return (link, target, visit);
    }
}
