using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tongban.Catalogue;
using Tongban.Platform.Localization;

namespace Tongban.Ratings.Pages;

/// <summary>
/// <c>/ratings</c>: 好差评 in the open, for everyone without signing in: by department and by service, how residents
/// rated them, the share of bad reviews and how many of those the department answered on time; and the latest
/// rectifications, what was found and changed, without names. Apart from them, what visitors said of the service pages.
/// </summary>
public sealed class PublicRatingsModel(RatingFigures figures, Helpful.PageFeedbackFigures pages, CatalogueStore catalogue, IStringLocalizer<SharedResource> t) : PageModel
{
    public IReadOnlyList<RatingRow> Departments { get; private set; } = [];
    public IReadOnlyList<RatingRow> Services { get; private set; } = [];
    public IReadOnlyList<PublishedRectification> Latest { get; private set; } = [];

    /// <summary>"Was this page helpful?" by service page: counted apart, never as ratings.</summary>
    public IReadOnlyList<Helpful.PageFeedbackRow> Pages { get; private set; } = [];
    public CatalogueSnapshot Catalogue { get; private set; } = null!;

    public async Task OnGet(CancellationToken cancellationToken)
    {
        Catalogue = await catalogue.Current(cancellationToken);
        (Departments, Services) = await figures.Handle(cancellationToken);
        // Only for services whose figures are shown: a rectification of a service with few ratings points at few people.
        var shown = Services.Where(s => !s.Suppressed).Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        Latest = [.. (await figures.Latest(50, cancellationToken)).Where(r => shown.Contains(r.ServiceCode)).Take(10)];
        Pages = await pages.Handle(cancellationToken);
    }

    public string DepartmentName(string code) => Catalogue.Department(code)?.Name.Current ?? code;

    public string ServiceName(string code) => RatedSubject.ServiceName(Catalogue, code, t);
}
