using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tongban.Catalogue;
using Tongban.Entitlements.Outreach;
using Tongban.Platform.Audit;
using Tongban.Platform.Auth;
using Tongban.Platform.Localization;
using Tongban.Staff;

namespace Tongban.Entitlements.Pages;

/// <summary>
/// <c>/staff/outreach</c>: for a community worker, her district's residents whom no invitation reached; for a 12345 agent,
/// those of the district she chooses. Each shown is on the resident's trail; each contact is recorded.
/// </summary>
[Authorize(Policy = StaffPolicies.Outreach)]
public sealed class OutreachModel(OutreachList list, RecordContact record, CatalogueStore catalogue, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? District { get; set; }

    /// <summary>A community worker's own district, which she cannot change; null for the hotline.</summary>
    public string? OwnDistrict { get; private set; }

    public CatalogueSnapshot Catalogue { get; private set; } = null!;
    public IReadOnlyList<OutreachLine> Lines { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGet(CancellationToken cancellationToken)
    {
        Catalogue = await catalogue.Current(cancellationToken);
        if (Scope() is not { } district)
        {
            return Page();
        }

        if (!Catalogue.Districts.Any(d => d.Code == district))
        {
            return NotFound();
        }

        District = district;
        Lines = await list.Handle(district, Worker(), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostContact(Guid offer, ContactOutcome outcome, string? note, CancellationToken cancellationToken)
    {
        if (Scope() is not { } district || !Enum.IsDefined(outcome))
        {
            return NotFound();
        }

        var (found, answered) = await record.Handle(offer, district, outcome, note, Worker(), cancellationToken);
        if (!found)
        {
            return NotFound();
        }

        Message = answered?.Outcome switch
        {
            AnswerOutcome.Sent => t["Recorded, and her application is sent: case {0}.", Cases.CaseReference.Display(answered.Cases![0].Reference)],
            AnswerOutcome.Started => t["Recorded, and her application is started with what the city holds. To finish it with her, start helping her (assisted service)."],
            AnswerOutcome.Declined => t["Recorded: she declined, and will not be reminded."],
            AnswerOutcome.NotOpen => t["Someone answered this offer meanwhile."],
            _ => t["Recorded."],
        };
        return RedirectToPage(new { district = OwnDistrict is null ? district : null });
    }

    /// <summary>Hers, for a community worker; the one chosen, for the hotline.</summary>
    private string? Scope()
    {
        OwnDistrict = User.Role() == StaffRole.CommunityWorker ? User.FindFirst(StaffPrincipal.DistrictClaim)?.Value : null;
        return User.Role() == StaffRole.CommunityWorker ? OwnDistrict : District;
    }

    private Actor Worker() => new(ActorKind.Staff, User.Id(), User.Identity?.Name ?? "", Channel.Proactive, $"outreach:{Scope()}") { Role = User.Role()?.ToString() };
}
