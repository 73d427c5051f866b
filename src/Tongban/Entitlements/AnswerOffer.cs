using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tongban.Applications;
using Tongban.Cases;
using Tongban.Catalogue;
using Tongban.Platform.Audit;
using Tongban.Platform.Calendar;
using Tongban.Platform.Data;

namespace Tongban.Entitlements;

public enum OfferAnswer
{
    Accept,
    Decline,
}

public enum AnswerOutcome
{
    /// <summary>Accepted, and the application sent: nothing more was needed.</summary>
    Sent,

    /// <summary>Accepted, and a draft started with what the city holds: she finishes it (<see cref="Answered.FormPath"/>).</summary>
    Started,

    Declined,

    /// <summary>Answered before (another channel, a double click), withdrawn, or granted: nothing changed.</summary>
    NotOpen,

    /// <summary>No such offer, or not hers.</summary>
    NotFound,
}

/// <param name="Outcome">What became of the answer.</param>
/// <param name="FormPath">For <see cref="AnswerOutcome.Started"/>: where the form goes on.</param>
/// <param name="Cases">For <see cref="AnswerOutcome.Sent"/>: the cases made.</param>
public sealed record Answered(AnswerOutcome Outcome, string? FormPath = null, IReadOnlyList<Case>? Cases = null);

/// <summary>
/// Her answer to an offer, on whatever channel (her page, an SMS reply, a clerk, a community worker): declining stops
/// the reminders; accepting starts the application with everything the city holds and sends it when nothing more is
/// needed. Only the first answer counts: the offer's version is checked, so an SMS and a click at once cannot both land.
/// Whoever answers for her is on her trail.
/// </summary>
public sealed class AnswerOffer(AppDbContext db, CatalogueStore catalogue, StartApplication start, SubmitApplication submit, AuditTrail audit, TimeProvider clock)
{
    public async Task<Answered> Handle(Guid offerId, Guid residentId, OfferAnswer answer, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var offer = await db.Offers.SingleOrDefaultAsync(o => o.Id == offerId && o.ResidentId == residentId, cancellationToken);
        if (offer is null)
        {
            return new(AnswerOutcome.NotFound);
        }

        if (!offer.Open)
        {
            return new(AnswerOutcome.NotOpen);
        }

        (offer.Status, offer.AnsweredAt, offer.AnsweredChannel) = (answer == OfferAnswer.Accept ? OfferStatus.Accepted : OfferStatus.Declined, clock.GetUtcNow().UtcDateTime, actor.Channel);
        offer.AnsweredBy = actor.IsResident(residentId) ? null : actor.Name;
        offer.Version++;
        try
        {
            await audit.Record(residentId, actor, answer == OfferAnswer.Accept ? AuditAction.Accepted : AuditAction.Changed, AuditSubject.Offer(offer.Reference), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new(AnswerOutcome.NotOpen);
        }

        if (answer == OfferAnswer.Decline)
        {
            return new(AnswerOutcome.Declined);
        }

        return await Apply(offer, actor, cancellationToken);
    }

    /// <summary>Her draft of the service with the offer's answers added to what it holds, then sent if it is complete.</summary>
    private async Task<Answered> Apply(Offer offer, Actor actor, CancellationToken cancellationToken)
    {
        var snapshot = await catalogue.Current(cancellationToken);
        var form = snapshot.ApplicationForm("services", offer.ServiceCode) ?? throw new InvalidOperationException($"No form for {offer.ServiceCode}.");
        var draft = await start.Handle(offer.ResidentId, form, actor.Channel, cancellationToken);
        db.Drafts.Attach(draft); // as read: its revision is the one the save below checks
        var answers = draft.Answers();
        foreach (var (question, value) in JsonSerializer.Deserialize<Dictionary<string, string>>(offer.AnswersJson) ?? [])
        {
            answers.TryAdd(question, value);
        }

        draft.SetAnswers(answers);
        draft.Prefilled = [.. draft.Prefilled.Union(answers.Keys)];
        draft.Revision++;
        await db.SaveChangesAsync(cancellationToken);
        if (ApplicationFlow.Next(form, answers, clock.Today()) is not null)
        {
            return new(AnswerOutcome.Started, form.Path);
        }

        var sent = await submit.Handle(draft.Id, offer.ResidentId, form, actor, cancellationToken);
        if (sent is not { Cases.Count: > 0 })
        {
            return new(AnswerOutcome.Started, form.Path);
        }

        offer.CaseId = sent.Cases[0].Id;
        await db.SaveChangesAsync(cancellationToken);
        return new(AnswerOutcome.Sent, null, sent.Cases);
    }
}
