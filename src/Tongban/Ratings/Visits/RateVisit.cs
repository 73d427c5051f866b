using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tongban.Platform.Audit;
using Tongban.Platform.Data;
using Tongban.Platform.Localization;
using Tongban.Ratings.Rectifications;
using Tongban.Residents.Assisted;

namespace Tongban.Ratings.Visits;

/// <summary>
/// Her rating of a counter visit or a 12345 call (一次一评), whether or not it made a case: the offline dimensions, saved
/// once with the rectification a bad review opens, answered by the department that runs the halls and the hotline.
/// Only she rates it, on the counter tablet, by SMS or on her page: not the clerk or agent who served her, and not a
/// proxy, who was not there.
/// </summary>
public sealed class RateVisit(AppDbContext db, OpenRectification rectify, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> t)
{
    public static bool MayRate(Actor actor, AssistedSession visit) => actor?.Kind == ActorKind.Resident && visit is not null && actor.IsResident(visit.ResidentId);

    /// <summary>On the tablet she rates while she is still at the counter; elsewhere once the visit or call has ended.</summary>
    public bool Ended(AssistedSession visit) =>
        visit?.EndedAt is not null || visit!.StartedAt + AssistedSession.MaxLength <= clock.GetUtcNow().UtcDateTime;

    public async Task<RateResult> Handle(AssistedSession visit, Actor actor, RatedVia via, RatingInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(visit);
        ArgumentNullException.ThrowIfNull(input);
        if (!MayRate(actor, visit) || !visit.Rateable)
        {
            return new(RateOutcome.NotHers, [new("Level", t["Only the person who was served can rate a visit or a call."])]);
        }

        if (via != RatedVia.CounterTablet && !Ended(visit))
        {
            return new(RateOutcome.NotYet, [new("Level", t["You can rate this visit or call once it has ended."])]);
        }

        var problems = input.Problems(RatingDimensions.Offline, t);
        if (problems.Count > 0)
        {
            return new(RateOutcome.Invalid, problems);
        }

        if (await db.Ratings.AnyAsync(r => r.VisitId == visit.Id, cancellationToken))
        {
            return Already();
        }

        var rating = new Rating
        {
            Id = Guid.NewGuid(),
            VisitId = visit.Id,
            ResidentId = visit.ResidentId,
            ServiceCode = VisitService.CodeFor(visit.Channel),
            DepartmentCode = VisitService.Department,
            ServedOn = visit.Channel,
            RatedVia = via,
            Level = input.Level!.Value,
            Dimensions = input.GivenDimensions(),
            Comment = input.CommentText,
            RatedAt = clock.GetUtcNow().UtcDateTime,
            RaterKind = actor.Kind,
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
            await audit.Record(visit.ResidentId, actor, AuditAction.Created, AuditSubject.Visit(visit.Reference, "Rated"), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new(RateOutcome.Rated, [], rating);
        }
        catch (DbUpdateException)
        {
            // Another send of a rating of this visit came first.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return Already();
        }
    }

    private RateResult Already() => new(RateOutcome.AlreadyRated, [new("Level", t["This visit or call has already been rated. Each is rated once."])]);
}
