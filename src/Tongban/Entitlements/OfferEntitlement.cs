using Microsoft.EntityFrameworkCore;
using Tongban.Applications.Reapplying;
using Tongban.Catalogue;
using Tongban.Catalogue.Entitlements;
using Tongban.Catalogue.Forms;
using Tongban.Platform.Data;

namespace Tongban.Entitlements;

/// <summary>A resident found entitled: the answers the city fills, and her earlier cases of the service.</summary>
internal sealed record Due(Candidate Candidate, Dictionary<string, string> Answers, IReadOnlyList<EarlierCase> Earlier);

/// <summary>What one page of the daily job did.</summary>
public readonly record struct OfferCounts(int Granted, int Invited, int Failed)
{
    public static OfferCounts operator +(OfferCounts a, OfferCounts b) => new(a.Granted + b.Granted, a.Invited + b.Invited, a.Failed + b.Failed);
}

/// <summary>
/// For one page of candidates of one entitlement: judges each by the rule (a rule that throws is logged, and the others
/// go on), leaves out whoever may not apply again now (the reapply rule), and offers it to the rest: granted without
/// application where the catalogue allows and the city's answers suffice, otherwise an invitation. Once only: the
/// offer's key is unique, so an offer another node made meanwhile fails here and is skipped, never made twice.
/// </summary>
public sealed class OfferEntitlement(AppDbContext db, GrantOffer grant, InviteToOffer invite, TimeProvider clock, ILogger<OfferEntitlement> logger)
{
    public async Task<OfferCounts> Handle(Entitlement entitlement, Service service, FormDefinition form, IReadOnlyList<Candidate> page, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entitlement);
        ArgumentNullException.ThrowIfNull(page);
        var ids = page.Select(c => c.Resident.Id).Distinct().ToList();
        var earlier = (await EarlierCases.OfMany(db, ids, service.Code, cancellationToken)).ToLookup(c => c.ResidentId, c => c.Case);
        var failed = 0;
        var due = new List<Due>();
        foreach (var candidate in page)
        {
            var hers = earlier[candidate.Resident.Id].ToList();
            try
            {
                var facts = ResidentFacts.Of(candidate.Resident, candidate.Occasion, candidate.Holder);
                if (Eligibility.Meets(entitlement, facts, today, hers) && MayApplyAgain.Check(service, hers, today) is null)
                {
                    due.Add(new(candidate, Eligibility.Answers(entitlement, form, facts), hers));
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failed++;
                logger.LogError(e, "The entitlement rule of {Service} failed for one resident; the others go on", service.Code);
            }
        }

        return await Offer(entitlement, service, form, due, today, cancellationToken) + new OfferCounts(0, 0, failed);
    }

    /// <summary>
    /// The offers of a page in one transaction (a grant writes her trail, which saves as it goes); if any of them was made
    /// meanwhile by another run, the unique key refuses it, the page is rolled back and made one offer at a time, so
    /// that only the duplicate is left out.
    /// </summary>
    private async Task<OfferCounts> Offer(Entitlement entitlement, Service service, FormDefinition form, List<Due> due, DateOnly today, CancellationToken cancellationToken)
    {
        if (due.Count == 0)
        {
            return default;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var counts = new OfferCounts();
            foreach (var (candidate, answers, earlier) in due)
            {
                var offer = New(service, candidate, answers);
                db.Offers.Add(offer);
                var granted = entitlement.WithoutApplication && await grant.Handle(candidate.Resident, offer, service, form, entitlement, answers, earlier, today, cancellationToken);
                if (!granted)
                {
                    invite.Handle(candidate.Resident, offer, service, entitlement.Why, reminder: false);
                }

                counts += granted ? new(1, 0, 0) : new(0, 1, 0);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return counts;
        }
        catch (DbUpdateException) when (due.Count > 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            var counts = new OfferCounts();
            foreach (var one in due)
            {
                counts += await Offer(entitlement, service, form, [one], today, cancellationToken);
            }

            return counts;
        }
        catch (DbUpdateException)
        {
            // Made meanwhile by another run: the unique (resident, service, occasion) key refused the second.
            await transaction.RollbackAsync(cancellationToken);
            return default;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private Offer New(Service service, Candidate candidate, Dictionary<string, string> answers) => new()
    {
        Id = Guid.NewGuid(),
        ResidentId = candidate.Resident.Id,
        ServiceCode = service.Code,
        Occasion = candidate.Occasion?.Number ?? "",
        Reference = OfferCodes.NewReference(),
        AnswersJson = System.Text.Json.JsonSerializer.Serialize(answers),
        CreatedAt = clock.GetUtcNow().UtcDateTime,
        Version = 1,
    };
}
