using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;

namespace Tongban.Catalogue.Search;

public sealed record SearchResults(
    string Query,
    bool WasShortened,
    IReadOnlyList<LifeEvent> LifeEvents,
    IReadOnlyList<Service> Services,
    bool OnlySimilar,
    int Page,
    bool HasMore)
{
    public bool IsEmpty => LifeEvents.Count == 0 && Services.Count == 0;
}

/// <summary>
/// Finds services and life events for what a resident typed. Matching life events come first; when
/// nothing matches, similar items are offered instead, so that a search never ends at a blank page.
/// </summary>
public sealed class SearchCatalogue(SearchIndex index, AppDbContext db)
{
    private const int MaxHits = 100;
    private const int MaxLifeEvents = 3;

    /// <summary>Every service matching the query, for filters that combine search with other conditions.</summary>
    public async Task<IReadOnlySet<string>> MatchingServiceCodes(string query, CancellationToken cancellationToken)
    {
        if (!index.IsBuilt)
        {
            await index.Rebuild(db, cancellationToken);
        }

        return index.Search(query, MaxHits).Where(h => h.Kind == SearchHitKind.Service).Select(h => h.Code).ToHashSet(StringComparer.Ordinal);
    }

    public async Task<SearchResults> Handle(string? query, int page, int pageSize, CancellationToken cancellationToken)
    {
        var text = SearchIndex.Normalize(query);
        var shortened = (query?.Trim().Length ?? 0) > SearchIndex.MaxQueryLength;
        page = Math.Max(1, page);
        if (text.Length == 0)
        {
            return new SearchResults(text, shortened, [], [], false, 1, false);
        }

        if (!index.IsBuilt)
        {
            await index.Rebuild(db, cancellationToken);
        }

        var hits = index.Search(text, MaxHits);
        var onlySimilar = hits.Count == 0;
        if (onlySimilar)
        {
            hits = index.Similar(text, pageSize);
        }

        var lifeEventCodes = page == 1
            ? hits.Where(h => h.Kind == SearchHitKind.LifeEvent).Take(MaxLifeEvents).Select(h => h.Code).ToList()
            : [];
        var serviceHits = hits.Where(h => h.Kind == SearchHitKind.Service).ToList();
        var serviceCodes = serviceHits.Skip((page - 1) * pageSize).Take(pageSize).Select(h => h.Code).ToList();

        var lifeEvents = await db.LifeEvents.AsNoTracking().Where(e => lifeEventCodes.Contains(e.Code)).ToListAsync(cancellationToken);
        var services = await db.Services.AsNoTracking().Where(s => serviceCodes.Contains(s.Code) && s.RetiredAt == null).ToListAsync(cancellationToken);
        return new SearchResults(
            text,
            shortened,
            lifeEvents.OrderBy(e => lifeEventCodes.IndexOf(e.Code)).ToList(),
            services.OrderBy(s => serviceCodes.IndexOf(s.Code)).ToList(),
            onlySimilar,
            page,
            serviceHits.Count > page * pageSize);
    }
}
