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
public sealed class SearchCatalogue(CatalogueStore catalogue)
{
    private const int MaxHits = 100;
    private const int MaxLifeEvents = 3;

    /// <summary>Every service matching the query, for filters that combine search with other conditions.</summary>
    public async Task<IReadOnlySet<string>> MatchingServiceCodes(string query, CancellationToken cancellationToken)
    {
        var snapshot = await catalogue.Current(cancellationToken);
        return snapshot.Search.Search(query, MaxHits).Where(h => h.Kind == SearchHitKind.Service).Select(h => h.Code).ToHashSet(StringComparer.Ordinal);
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

        var snapshot = await catalogue.Current(cancellationToken);
        var hits = snapshot.Search.Search(text, MaxHits);
        var onlySimilar = hits.Count == 0;
        if (onlySimilar)
        {
            hits = snapshot.Search.Similar(text, pageSize);
        }

        var lifeEvents = page == 1
            ? hits.Where(h => h.Kind == SearchHitKind.LifeEvent).Take(MaxLifeEvents).Select(h => snapshot.LifeEvent(h.Code)).OfType<LifeEvent>().ToList()
            : [];
        var services = hits.Where(h => h.Kind == SearchHitKind.Service).Select(h => snapshot.Service(h.Code)).OfType<Service>().ToList();
        return new SearchResults(
            text,
            shortened,
            lifeEvents,
            services.Skip((page - 1) * pageSize).Take(pageSize).ToList(),
            onlySimilar,
            page,
            services.Count > page * pageSize);
    }
}
