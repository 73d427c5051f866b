using Microsoft.EntityFrameworkCore;
using Tongban.Catalogue;
using Tongban.Catalogue.Entitlements;
using Tongban.Platform.Calendar;
using Tongban.Platform.Data;
using Tongban.Platform.Jobs;
using Tongban.Residents.Certificates;

namespace Tongban.Entitlements;

/// <summary>
/// The daily job of proactive services (无感申办 / 免申即享): for every entitlement in the catalogue, finds the residents
/// newly entitled (on an occasion — a certificate naming them — or once in a life), offers it to each once
/// (<see cref="OfferEntitlement"/>), then reminds and withdraws (<see cref="FollowUpOffers"/>). Only residents whose ID
/// number is proven, who are alive and have not asked for no offers, are considered.
/// </summary>
public sealed class FindEntitlements(AppDbContext db, CatalogueStore catalogue, OfferEntitlement offer, FollowUpOffers followUp, TimeProvider clock, ILogger<FindEntitlements> logger) : IJobHandler, IRecurringJob
{
    public const string JobKind = "Entitlements";

    /// <summary>Residents or certificates judged per page: one query for the page, one for their earlier cases.</summary>
    public const int PageSize = 1000;

    /// <summary>How far back an occasion is looked for: no entitlement here runs longer than a year after its certificate.</summary>
    public const int OccasionDays = 400;

    public string Kind => JobKind;

    /// <summary>The subject of a run for one resident, whose ID number was just proven (see <see cref="OfferWhenProven"/>); the daily run's is "daily".</summary>
    public static string For(Guid residentId) => $"{OneResident}{residentId:N}";

    private const string OneResident = "resident:";

    public async Task<DateTime?> Run(string subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        Guid? only = subject.StartsWith(OneResident, StringComparison.Ordinal) && Guid.TryParse(subject[OneResident.Length..], out var id) ? id : null;
        var snapshot = await catalogue.Current(cancellationToken);
        var today = clock.Today();
        var counts = new OfferCounts();
        foreach (var entitlement in snapshot.Entitlements)
        {
            if (snapshot.Service(entitlement.ServiceCode) is not { } service || snapshot.Form(service.Code) is not { } form)
            {
                continue;
            }

            var pages = entitlement.Occasion is null ? OnceInALife(entitlement, only, cancellationToken) : OnOccasions(entitlement, only, today, cancellationToken);
            await foreach (var page in pages)
            {
                counts += await offer.Handle(entitlement, service, form, page, today, cancellationToken);
            }
        }

        if (only is not null)
        {
            return null; // her offers are made; reminders are the daily run's
        }

        var followed = await followUp.Handle(snapshot, today, cancellationToken);
        logger.LogInformation("Proactive services: {Granted} granted, {Invited} invited, {Failed} rules failed; {Reminded} reminded, {Unreached} now unreached, {Withdrawn} withdrawn",
            counts.Granted, counts.Invited, counts.Failed, followed.Reminded, followed.Unreached, followed.Withdrawn);
        return clock.GetUtcNow().UtcDateTime.AddDays(1);
    }

    /// <summary>Residents not yet offered it, by proven ID number, a page at a time.</summary>
    private async IAsyncEnumerable<IReadOnlyList<Candidate>> OnceInALife(Entitlement entitlement, Guid? only, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (offers, certificates) = (db.Offers, db.ECertificates);
        var after = "";
        while (true)
        {
            // Keyset paging by ID number (digits and an X, where SQL's order and the ordinal one agree): string.Compare is
            // what EF Core translates to SQL's "a > b".
#pragma warning disable CA1309, CA1310
            var page = await db.Residents.AsNoTracking()
                .Where(r => r.IdNumber != null && string.Compare(r.IdNumber, after) > 0 && !r.NoProactiveOffers && (only == null || r.Id == only))
#pragma warning restore CA1309, CA1310
                .Where(r => !offers.Any(o => o.ResidentId == r.Id && o.ServiceCode == entitlement.ServiceCode && o.Occasion == ""))
                .Where(r => !certificates.Any(c => c.Kind == ECertificate.DeathCertificate && !c.Revoked && c.HolderIdNumber == r.IdNumber))
                .OrderBy(r => r.IdNumber).Take(PageSize).ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                yield break;
            }

            after = page[^1].IdNumber!;
            yield return page.Select(r => new Candidate(r)).ToList();
        }
    }

    /// <summary>
    /// Recent certificates of the occasion's kind not yet offered on, each for the person it names beside its holder (a
    /// parent, the next of kin) or else its holder, when that person is a resident the city may offer to.
    /// </summary>
    private async IAsyncEnumerable<IReadOnlyList<Candidate>> OnOccasions(Entitlement entitlement, Guid? only, DateOnly today, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var since = today.AddDays(-OccasionDays);
        var hers = only is null ? null : await db.Residents.Where(r => r.Id == only).Select(r => r.IdNumber).SingleOrDefaultAsync(cancellationToken) ?? "";
        var offers = db.Offers;
        var after = "";
        while (true)
        {
#pragma warning disable CA1309, CA1310 // keyset paging, as above
            var certificates = await db.ECertificates.AsNoTracking()
                .Where(c => c.Kind == entitlement.Occasion && !c.Revoked && c.IssuedOn >= since && string.Compare(c.Number, after) > 0)
                .Where(c => hers == null || c.HolderIdNumber == hers || c.NamedIdNumber == hers)
#pragma warning restore CA1309, CA1310
                .Where(c => !offers.Any(o => o.ServiceCode == entitlement.ServiceCode && o.Occasion == c.Number))
                .OrderBy(c => c.Number).Take(PageSize).ToListAsync(cancellationToken);
            if (certificates.Count == 0)
            {
                yield break;
            }

            after = certificates[^1].Number;
            var people = certificates.SelectMany(c => new[] { c.HolderIdNumber, c.NamedIdNumber ?? c.HolderIdNumber }).Distinct().ToList();
            var residents = await db.Residents.AsNoTracking().Where(r => r.IdNumber != null && people.Contains(r.IdNumber)).ToDictionaryAsync(r => r.IdNumber!, cancellationToken);
            var dead = await db.ECertificates.AsNoTracking()
                .Where(c => c.Kind == ECertificate.DeathCertificate && !c.Revoked && people.Contains(c.HolderIdNumber)).Select(c => c.HolderIdNumber).ToListAsync(cancellationToken);
            yield return certificates
                .Select(c => (Certificate: c, To: residents.GetValueOrDefault(c.NamedIdNumber ?? c.HolderIdNumber)))
                .Where(x => x.To is { NoProactiveOffers: false } && !dead.Contains(x.To.IdNumber!))
                .Select(x => new Candidate(x.To!, x.Certificate, x.Certificate.NamedIdNumber is null ? null : residents.GetValueOrDefault(x.Certificate.HolderIdNumber)))
                .ToList();
        }
    }

    /// <summary>The daily run starts at the first start-up.</summary>
    public (string Kind, string Subject, DateTime FirstRun)? Schedule(AppDbContext db, DateTime now) => (JobKind, "daily", now);
}
