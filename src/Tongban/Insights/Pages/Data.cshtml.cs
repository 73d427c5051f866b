using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tongban.Catalogue;
using Tongban.Platform.Localization;

namespace Tongban.Insights.Pages;

/// <summary><c>/insights/data</c>: the open data's files, what is in them and under which licence.</summary>
public sealed class DataModel(CatalogueStore catalogue, IStringLocalizer<SharedResource> t) : PageModel
{
    public InsightText Text { get; private set; } = null!;

    public async Task OnGet(CancellationToken cancellationToken) => Text = new InsightText(t, await catalogue.Current(cancellationToken));
}
