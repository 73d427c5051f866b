using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tongban.Cases;
using Tongban.Catalogue;
using Tongban.Platform.Audit;
using Tongban.Platform.Data;
using Tongban.Platform.Localization;
using Tongban.Platform.Web;
using Tongban.Ratings.Rectifications;
using Tongban.Residents.Delegations;

namespace Tongban.Ratings;

public enum RateOutcome
{
    Rated,

    /// <summary>Someone rated it first (一事一评): nothing changed.</summary>
    AlreadyRated,

    /// <summary>The case is still open: it is rated once it is decided or withdrawn.</summary>
    NotYet,

    /// <summary>Only she, or someone she asked to, may rate it.</summary>
    NotHers,

    Invalid,
}

public sealed record RateResult(RateOutcome Outcome, IReadOnlyList<FieldError> Problems, Rating? Rating = null);

/// <summary>
/// Her rating of a case that has ended: saved once, with the rectification a bad review opens, in one transaction.
/// A second rating of the same case, even sent at the same moment, is refused by the unique index and changes nothing.
/// </summary>
public sealed class RateCase(AppDbContext db, CatalogueStore catalogue, OpenRectification rectify, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> t)
{
    /// <summary>The statuses after which a case is rated: decided either way, or withdrawn.</summary>
    public const string NotHersMessage = "Only the person the application is for can rate it: herself, by calling 12345, or someone she asked to rate for her.";

    public static bool Ended(CaseStatus status) => status is CaseStatus.Approved or CaseStatus.Rejected or CaseStatus.Withdrawn;

    /// <summary>
    /// Herself; a 12345 agent she is on the phone with (in a session she consented to), keying in what she says; or a
    /// family member acting for her under a delegation in which she asked them to rate too. A clerk may not: at a counter
    /// she rates on the tablet herself. A proxy without that permission may not either: permission to act does not say
    /// she asked them to speak for her.
    /// </summary>
    public async Task<bool> MayRate(Actor actor, Case target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(target);
        if (actor.IsResident(target.ResidentId) || (actor.Kind == ActorKind.Staff && actor.Role == nameof(Staff.StaffRole.HotlineAgent)))
        {
            return true;
        }

        if (AcceptDelegation.DelegationOf(actor) is not { } id)
        {
            return false;
        }

        var delegation = await db.Delegations.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        return delegation is { MayRate: true } && delegation.GrantorId == target.ResidentId && delegation.ProxyId == actor.Id
            && delegation.IsActive(clock.GetUtcNow().UtcDateTime) && delegation.Covers(target.ServiceCode);
    }

    /// <summary>The dimensions asked: the offline ones on the counter tablet, otherwise those of where the case was served.</summary>
    public static IReadOnlyList<string> AskedOf(Case target, RatedVia via) =>
        via == RatedVia.CounterTablet ? RatingDimensions.Offline : RatingDimensions.For(target!.Channel);

    /// <summary>Where a rating entered by <paramref name="actor"/> on a web page was given: by phone when an agent keyed it in.</summary>
    public static RatedVia ViaPage(Actor actor) => actor?.Kind == ActorKind.Staff ? RatedVia.Hotline : RatedVia.Web;

    public async Task<RateResult> Handle(Case target, Actor actor, RatedVia via, RatingInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(input);
        if (!await MayRate(actor, target, cancellationToken))
        {
            return new(RateOutcome.NotHers, [new("Level", t[NotHersMessage])]);
        }

        // At the counter she rates the visit that served her, on the tablet, before any decision.
        if (!Ended(target.Status) && via != RatedVia.CounterTablet)
        {
            return new(RateOutcome.NotYet, [new("Level", t["You can rate this application once it has been decided or withdrawn."])]);
        }

        var problems = input.Problems(AskedOf(target, via), t);
        if (problems.Count > 0)
        {
            return new(RateOutcome.Invalid, problems);
        }

        if (await db.Ratings.AnyAsync(r => r.CaseId == target.Id, cancellationToken))
        {
            return Already();
        }

        var department = (await catalogue.Current(cancellationToken)).Service(target.ServiceCode)?.Department?.Code ?? "";
        var rating = new Rating
        {
            Id = Guid.NewGuid(),
            CaseId = target.Id,
            ResidentId = target.ResidentId,
            ServiceCode = target.ServiceCode,
            DepartmentCode = department,
            ServedOn = via == RatedVia.CounterTablet ? Channel.Counter : target.Channel,
            RatedVia = via,
            Level = input.Level!.Value,
            Dimensions = input.GivenDimensions(),
            Comment = input.CommentText,
            RatedAt = clock.GetUtcNow().UtcDateTime,
            RaterKind = actor.Kind,
            RaterName = actor.IsResident(target.ResidentId) ? null : actor.Name,
        };

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Ratings.Add(rating);
        if (rating.IsBad)
        {
            await rectify.Handle(rating, round: 1, cancellationToken);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await audit.Record(target.ResidentId, actor, AuditAction.Created, AuditSubject.Case(CaseReference.Display(target.Reference), "Rated"), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new(RateOutcome.Rated, [], rating);
        }
        catch (DbUpdateException)
        {
            // Another send of a rating of this case came first.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return Already();
        }
    }

    private RateResult Already() => new(RateOutcome.AlreadyRated, [new("Level", t["This application has already been rated. Each application is rated once."])]);
}
