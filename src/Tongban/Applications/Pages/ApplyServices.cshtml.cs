using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Tongban.Applications.Reapplying;
using Tongban.Catalogue;
using Tongban.Platform.Auth;
using Tongban.Platform.Localization;
using Tongban.Platform.Web;
using Tongban.Residents.Access;

namespace Tongban.Applications.Pages;

/// <summary>
/// <c>/life-events/{code}/apply/services</c>: which services of the life event she applies for. All are ticked at
/// first; what she cannot apply for now is shown with why and cannot be ticked; at least one must stay.
/// </summary>
[Authorize(Policy = AuthSetup.PersonPolicy)]
public sealed class ApplyServicesModel(
    CatalogueStore catalogue, ResidentAccessPolicy policy, StartApplication start, ChooseServices choose, EarlierCases earlierCases,
    TimeProvider clock, IStringLocalizer<SharedResource> t) : ApplicationPageModel(catalogue, policy)
{
    /// <summary>The services she may tick: those she can apply for now.</summary>
    public IReadOnlyList<Service> Available { get; private set; } = [];

    /// <summary>The codes ticked: on a first look, all but those she left out before; after an error, as she sent them.</summary>
    [BindProperty]
    public List<string> Include { get; set; } = [];

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGet(CancellationToken cancellationToken)
    {
        if (await Load() is { } refused)
        {
            return refused;
        }

        var draft = await start.Handle(ResidentId, Form, Actor.Channel, cancellationToken);
        Include = Available.Select(s => s.Code).Where(c => !draft.LeftOut.Contains(c)).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPost(CancellationToken cancellationToken)
    {
        var ticked = Include;
        if (await Load() is { } refused)
        {
            return refused;
        }

        Include = Available.Select(s => s.Code).Where(ticked.Contains).ToList();
        if (Include.Count == 0)
        {
            Errors = [new($"include-{Available[0].Code}", t["Choose at least one service to apply for."])];
            return Page();
        }

        var draft = await start.Handle(ResidentId, Form, Actor.Channel, cancellationToken);
        await choose.Handle(draft.Id, Available.Select(s => s.Code).Except(Include).ToList(), cancellationToken);
        return Redirect(Form.Path);
    }

    private async Task<IActionResult?> Load()
    {
        if ((await Authorize(clock) ?? await LeaveOutWhatSheHas(earlierCases)) is { } refused)
        {
            return refused;
        }

        if (Whole.Services.Count < 2)
        {
            // A single service has nothing to choose between.
            return Redirect(Form.Path);
        }

        Available = Form.Services.Select(s => s.Service).ToList();
        return null;
    }
}
