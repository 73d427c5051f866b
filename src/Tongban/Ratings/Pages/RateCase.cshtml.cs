using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tongban.Cases.Pages;
using Tongban.Platform.Audit;
using Tongban.Platform.Auth;
using Tongban.Platform.Data;
using Tongban.Ratings.Rectifications;
using Tongban.Residents.Access;

namespace Tongban.Ratings.Pages;

/// <summary>
/// <c>/cases/{reference}/rate</c>: her rating of an application that has ended (好差评), once; afterwards her rating,
/// and, for a bad review, what the department did about it and whether that satisfies her.
/// </summary>
[Authorize(Policy = AuthSetup.PersonPolicy)]
public sealed class RateCaseModel(AppDbContext db, ResidentAccessPolicy policy, RateCase rate, JudgeRectification judge, Counter.OpenCounterRating tablet, AuditTrail audit) : CasePageModel(db, audit)
{
    [BindProperty]
    public int? Level { get; set; }

    /// <summary>The dimensions she rated (see <see cref="RatingInput.DimensionsFrom"/>).</summary>
    public Dictionary<string, int?> Dimensions { get; private set; } = [];

    [BindProperty]
    public string? Comment { get; set; }

    public Rating? Rating { get; private set; }
    public IReadOnlyList<Rectification> Rounds { get; private set; } = [];
    public bool MayRate { get; private set; }

    /// <summary>A 12345 agent keying in what she says on the phone.</summary>
    public bool ByAgent { get; private set; }

    /// <summary>A family member she asked to rate for her.</summary>
    public bool ByProxy { get; private set; }

    /// <summary>A counter clerk serving her: she rates on the tablet, which the clerk opens for her.</summary>
    public bool AtCounter { get; private set; }

    /// <summary>The tablet's link just made, to open on the counter tablet.</summary>
    public string? TabletLink { get; private set; }
    public IReadOnlyList<string> Asked => RatingDimensions.For(Case.Channel);

    /// <summary>The department's answer waiting for her verdict, if any.</summary>
    public Rectification? AwaitingVerdict => Rounds.Count > 0 && Rounds[^1] is { AnsweredAt: not null, Satisfied: null } r && MayRate ? r : null;

    [BindProperty(SupportsGet = true)]
    public bool Thanks { get; set; }

    public async Task<IActionResult> OnPost(CancellationToken cancellationToken)
    {
        Dimensions = RatingInput.DimensionsFrom(Request.Form);
        var result = await rate.Handle(Case, Actor, RateCase.ViaPage(Actor), new RatingInput(Level, Dimensions, Comment), cancellationToken);
        if (result.Outcome == RateOutcome.Rated)
        {
            return ShowAfterAction($"/cases/{Case.Reference}/rate?thanks=true");
        }

        Errors = result.Problems;
        await LoadRating(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostTablet(CancellationToken cancellationToken)
    {
        if (AtCounter && Rating is null && Actor.Id is { } clerk)
        {
            TabletLink = $"/counter/rate/{await tablet.Handle(Case.Id, null, clerk, cancellationToken)}";
        }

        return Page();
    }

    public async Task<IActionResult> OnPostVerdict(bool satisfied, CancellationToken cancellationToken)
    {
        if (MayRate && Rating is not null)
        {
            await judge.Handle(Rating.Id, satisfied, cancellationToken);
        }

        return ShowAfterAction($"/cases/{Case.Reference}/rate");
    }

    protected override async Task<Actor?> Load(string reference, CancellationToken cancellationToken)
    {
        if (await Find(reference, cancellationToken) is not { } found)
        {
            Refused = NotFound();
            return null;
        }

        var actor = await policy.Decide(HttpContext, found.ResidentId, ResidentOperation.ActOnService, found.ServiceCode);
        if (actor is null)
        {
            Refused = NotFound();
            return null;
        }

        MayRate = await rate.MayRate(actor, found, cancellationToken);
        ByAgent = MayRate && actor.Kind == ActorKind.Staff;
        ByProxy = MayRate && actor.Kind == ActorKind.Proxy;
        AtCounter = actor.Kind == ActorKind.Staff && actor.Role == nameof(Staff.StaffRole.CounterClerk);
        await LoadRating(cancellationToken);
        return actor;
    }

    private async Task LoadRating(CancellationToken cancellationToken)
    {
        Rating = await Db.Ratings.AsNoTracking().SingleOrDefaultAsync(r => r.CaseId == Case.Id, cancellationToken);
        Rounds = Rating is null ? [] : await Db.Rectifications.AsNoTracking().Where(r => r.RatingId == Rating.Id).OrderBy(r => r.Round).ToListAsync(cancellationToken);
    }
}
