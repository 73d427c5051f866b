using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tongban.Catalogue;
using Tongban.Platform.Audit;
using Tongban.Platform.Data;
using Tongban.Platform.Localization;
using Tongban.Ratings.Visits;
using Tongban.Residents.Assisted;

namespace Tongban.Ratings;

/// <summary>What a rating is of, as she and staff read it: a case by the reference on its letters, or a counter visit or 12345 call by its own.</summary>
public sealed record RatedSubject(Guid? CaseId, string Reference)
{
    public bool IsVisit => CaseId is null;

    /// <summary>Her trail's subject for something done to the rating or its rectification.</summary>
    public AuditSubject Audit(string action) => IsVisit ? AuditSubject.Visit(Reference, action) : AuditSubject.Case(Reference, action);

    public static async Task<RatedSubject> Of(AppDbContext db, Guid? caseId, Guid? visitId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (caseId is { } id)
        {
            return new(id, Cases.CaseReference.Display(await db.Cases.Where(c => c.Id == id).Select(c => c.Reference).SingleAsync(cancellationToken)));
        }

        return new(null, AssistedSession.ReferenceOf(visitId ?? throw new ArgumentException("A rating is of a case or of a visit.", nameof(visitId))));
    }

    public static Task<RatedSubject> Of(AppDbContext db, Rating rating, CancellationToken cancellationToken) =>
        Of(db, rating?.CaseId, rating!.VisitId, cancellationToken);

    /// <summary>The name of what was rated: the catalogue's service, or "a visit to a service hall", "a call to 12345".</summary>
    public static string ServiceName(CatalogueSnapshot catalogue, string code, IStringLocalizer<SharedResource> t, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(t);
        if (VisitService.NameKey(code) is { } key)
        {
            return t[key].Value;
        }

        var service = catalogue.Service(code);
        return (culture is null ? service?.Name.Current : service?.Name.In(culture)) ?? code;
    }
}
