using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;
using Tongban.Staff;

namespace Tongban.PartnerApi.Pages;

/// <summary>
/// <c>/staff/partners</c>: the operator registers a partner for the open API (names, contact, return addresses, what it
/// may ask for, its request limit) and sees those registered. The client secret is shown once, on the answer to the
/// registration, and never again: only its hash is kept.
/// </summary>
[Authorize(Policy = StaffPolicies.Operator)]
public sealed class StaffPartnersModel(AppDbContext db, RegisterPartner register) : PageModel
{
    public const int DefaultRequestsPerMinute = 600;

    [BindProperty]
    public string? ClientId { get; set; }

    [BindProperty]
    public string? NameZhCn { get; set; }

    [BindProperty]
    public string? NameEn { get; set; }

    [BindProperty]
    public string? Contact { get; set; }

    /// <summary>One return address a line.</summary>
    [BindProperty]
    public string? RedirectUris { get; set; }

    [BindProperty]
    public List<string> Scopes { get; set; } = [];

    [BindProperty]
    public string? RequestsPerMinute { get; set; }

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    /// <summary>The secret of the partner just registered, shown this once.</summary>
    public string? NewSecret { get; private set; }

    public IReadOnlyList<ApiPartner> Partners { get; private set; } = [];

    public async Task OnGet(CancellationToken cancellationToken) => await Load(cancellationToken);

    public async Task<IActionResult> OnPost(CancellationToken cancellationToken)
    {
        var limit = int.TryParse(RequestsPerMinute, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        var lines = (RedirectUris ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var result = await register.Handle(new PartnerRegistration(ClientId, NameZhCn, NameEn, Contact, lines, Scopes, limit), cancellationToken);
        if (result.Succeeded)
        {
            NewSecret = result.ClientSecret;
        }
        else
        {
            Errors = result.Errors;
        }

        await Load(cancellationToken);
        return Page();
    }

    private async Task Load(CancellationToken cancellationToken) =>
        Partners = await db.ApiPartners.AsNoTracking().OrderBy(p => p.ClientId).Take(500).ToListAsync(cancellationToken);
}
