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
/// those of the district she chooses; for an agent or a counter clerk, the open offer whose reference a resident gives.
/// Each shown is on the resident's trail; each contact is recorded.
/// </summary>
[Authorize(Policy = StaffPolicies.Outreach)]
public sealed class OutreachModel(OutreachList list, RecordContact record, CatalogueStore catalogue, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? District { get; set; }

    /// <summary>An offer's reference, as a resident gives it on the phone or at a counter.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Reference { get; set; }

    public StaffRole? Role { get; private set; }

    /// <summary>A community worker's own district, which she cannot change.</summary>
    public string? OwnDistrict { get; private set; }

    /// <summary>The hotline and counters find an offer by the reference she gives.</summary>
    public bool FindsByReference => Role is StaffRole.HotlineAgent or StaffRole.CounterClerk;

    /// <summary>Community workers and the hotline see districts' lists.</summary>
    public bool SeesLists => Role is StaffRole.CommunityWorker or StaffRole.HotlineAgent;

    public CatalogueSnapshot Catalogue { get; private set; } = null!;
    public IReadOnlyList<OutreachLine>? Lines { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGet(CancellationToken cancellationToken)
    {
        Catalogue = await catalogue.Current(cancellationToken);
        Scope();
        if (FindsByReference && !string.IsNullOrWhiteSpace(Reference))
        {
            Lines = await list.Handle(null, Reference, Worker(), cancellationToken);
        }
        else if (SeesLists && (OwnDistrict ?? District) is { } district)
        {
            if (!Catalogue.Districts.Any(d => d.Code == district))
            {
                return NotFound();
            }

            District = district;
            Lines = await list.Handle(district, null, Worker(), cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostContact(Guid offer, ContactOutcome outcome, string? note, CancellationToken cancellationToken)
    {
        Scope();
        var byReference = FindsByReference && !string.IsNullOrWhiteSpace(Reference);
        var district = byReference ? null : OwnDistrict ?? District;
        if ((!byReference && (!SeesLists || district is null)) || !Enum.IsDefined(outcome))
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
        return RedirectToPage(new { district = OwnDistrict is null && !byReference ? district : null });
    }

    private void Scope()
    {
        Role = User.Role();
        OwnDistrict = Role == StaffRole.CommunityWorker ? User.FindFirst(StaffPrincipal.DistrictClaim)?.Value : null;
    }

    private Actor Worker() => User.StaffActor(Role == StaffRole.CounterClerk ? Channel.Counter : Channel.Proactive, $"outreach:{Reference ?? OwnDistrict ?? District}");
}
