using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tongban.Catalogue;
using Tongban.Insights;
using Tongban.Platform.Data;
using Tongban.Platform.Localization;
using Tongban.Staff;

namespace Tongban.PartnerApi.Pages;

/// <summary><c>/staff/partners/reach</c>: whom each partner brings to the city's services, by age band and district.</summary>
[Authorize(Policy = StaffPolicies.Insights)]
public sealed class StaffPartnerReachModel(PartnerReach reach, AppDbContext db, CatalogueStore catalogue, IStringLocalizer<SharedResource> t) : PageModel
{
    public IReadOnlyList<PartnerReachRow> Partners { get; private set; } = [];
    public IReadOnlyDictionary<string, ApiPartner> Registered { get; private set; } = new Dictionary<string, ApiPartner>();
    public InsightText Text { get; private set; } = null!;

    public async Task OnGet(CancellationToken cancellationToken)
    {
        Partners = await reach.Handle(cancellationToken);
        Registered = await db.ApiPartners.AsNoTracking().ToDictionaryAsync(p => p.ClientId, StringComparer.Ordinal, cancellationToken);
        Text = new InsightText(t, await catalogue.Current(cancellationToken));
    }
}
