using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Catalogue.Search;
using Tongban.Platform.Web;

namespace Tongban.Catalogue.Pages;

/// <summary><c>/search?q=</c>: results in plain words; with no match, similar services, the hotline and the halls.</summary>
public sealed class SearchModel(SearchCatalogue search, CatalogueStore catalogue) : PageModel
{
    public SearchResults Results { get; private set; } = null!;
    public IReadOnlyList<Service> Suggestions { get; private set; } = [];

    // "page" is also the route value naming the Razor page ("/Search"), which model binding reads before the query
    // string: bound from anywhere, every second page showed the first again (and each request threw a FormatException).
    public async Task OnGet(string? q, [FromQuery(Name = "page")] int? page, CancellationToken cancellationToken)
    {
        var pageSize = ElderMode.PageSize(HttpContext, normal: 10, elder: 5);
        Results = await search.Handle(q, Math.Clamp(page ?? 1, 1, 100), pageSize, cancellationToken);
        ViewData["Query"] = Results.Query;
        if (Results.IsEmpty)
        {
            Suggestions = (await catalogue.Current(cancellationToken)).Services.Where(s => s.Featured).Take(pageSize).ToList();
        }
    }
}
