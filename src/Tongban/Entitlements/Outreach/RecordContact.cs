using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Audit;
using Tongban.Platform.Data;

namespace Tongban.Entitlements.Outreach;

public enum ContactOutcome
{
    /// <summary>She was reached and accepts: the application is started (or sent) for her, with her consent.</summary>
    Accepts,

    Declines,

    /// <summary>She no longer lives here: the offer is withdrawn.</summary>
    MovedAway,

    /// <summary>Nobody answered, nobody at home: she stays on the list.</summary>
    NotReached,
}

/// <summary>
/// What a community worker or a 12345 agent recorded after trying to reach her, in their words and as an outcome; an
/// acceptance is her consent to act for her in this one service, and starts the application as assisted service.
/// </summary>
public sealed class RecordContact(AppDbContext db, AnswerOffer answer, AuditTrail audit, TimeProvider clock)
{
    public const int MaxNoteLength = 200;

    /// <returns>Whether the offer is on this district's list, and for an acceptance or a refusal what became of it.</returns>
    /// <param name="offerId">The offer, as the list showed it.</param>
    /// <param name="district">The worker's district, whose unreached offers she may record; null for an offer she found by its reference (the hotline, a counter).</param>
    /// <param name="outcome">What happened.</param>
    /// <param name="note">In the worker's words.</param>
    /// <param name="worker">Who recorded it, for her trail; her answer is given with the worker as the actor.</param>
    /// <param name="cancellationToken">Stops the recording.</param>
    public async Task<(bool Found, Answered? Answer)> Handle(Guid offerId, string? district, ContactOutcome outcome, string? note, Actor worker, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(worker);
        var residents = db.Residents;
        var offer = await db.Offers.Where(o => o.Id == offerId && o.Status == OfferStatus.Invited)
            .Where(o => district == null || (o.UnreachedAt != null && residents.Any(r => r.Id == o.ResidentId && r.DistrictCode == district))).SingleOrDefaultAsync(cancellationToken);
        if (offer is null)
        {
            return (false, null);
        }

        var said = note?.Trim() is { Length: > 0 } n ? n[..Math.Min(n.Length, MaxNoteLength)] : null;
        (offer.LastContact, offer.LastContactAt) = (said ?? outcome.ToString(), clock.GetUtcNow().UtcDateTime);
        var acting = worker with { Reason = $"outreach:{offer.Reference}" };
        switch (outcome)
        {
            case ContactOutcome.Accepts or ContactOutcome.Declines:
                await db.SaveChangesAsync(cancellationToken);
                return (true, await answer.Handle(offer.Id, offer.ResidentId, outcome == ContactOutcome.Accepts ? OfferAnswer.Accept : OfferAnswer.Decline, acting, cancellationToken));
            case ContactOutcome.MovedAway:
                offer.Status = OfferStatus.Withdrawn;
                break;
        }

        offer.Version++;
        await audit.Record(offer.ResidentId, acting, AuditAction.Changed, AuditSubject.Offer(offer.Reference), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return (true, null);
    }
}
