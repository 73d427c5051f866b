using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Applications.Reapplying;
using Tongban.Catalogue;
using Tongban.Catalogue.Forms;
using Tongban.Platform.Audit;
using Tongban.Platform.Calendar;
using Tongban.Platform.Localization;
using Tongban.Residents.Access;

namespace Tongban.Applications;

/// <summary>
/// What every page of a form needs first: the form behind the address, whose application it is (herself,
/// the person she acts for, or the resident a clerk is helping), and whether this person may act on
/// every service in it. Checked on every request.
/// </summary>
public abstract class ApplicationPageModel(CatalogueStore catalogue, ResidentAccessPolicy policy) : PageModel
{
    [FromRoute]
    public string Kind { get; set; } = "";

    [FromRoute]
    public string Code { get; set; } = "";

    public ApplicationForm Form { get; private set; } = null!;
    public Guid ResidentId { get; private set; }
    public Actor Actor { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    /// <summary>Null when the page may go on; otherwise the answer to give (404, sign-in, 403).</summary>
    protected async Task<IActionResult?> Authorize(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        Today = clock.Today();
        if ((await catalogue.Current(HttpContext.RequestAborted)).ApplicationForm(Kind, Code) is not { } form)
        {
            return NotFound();
        }

        Form = form;
        if (await policy.Subject(HttpContext) is not { } residentId)
        {
            // Staff without a resident in front of them start from the assisted-service page.
            return User.Identity?.AuthenticationType == Platform.Auth.AuthSetup.StaffScheme ? Redirect("/staff/assist") : Challenge();
        }

        Actor? actor = null;
        foreach (var (service, _) in form.Services)
        {
            actor = await policy.Decide(HttpContext, residentId, ResidentOperation.ActOnService, service.Code);
            if (actor is null)
            {
                return StatusCode(StatusCodes.Status403Forbidden);
            }
        }

        ResidentId = residentId;
        Actor = actor!;
        return null;
    }

    /// <summary>Someone else answers for her (a family member, a clerk): questions speak of her, and no field offers the answerer's own details.</summary>
    public bool ForSomeoneElse => !Actor.IsResident(ResidentId);

    /// <summary>The question's label for whoever is answering.</summary>
    public LocalizedText LabelOf(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return ForSomeoneElse && question.LabelForOther is { } other ? other : question.Label;
    }

    /// <summary>The services of the form she cannot apply for now (one pending, or granted already), each with the reason.</summary>
    public IReadOnlyList<Blocked> LeftOut { get; private set; } = [];

    /// <summary>
    /// After <see cref="Authorize"/>: leaves out of the form the services she cannot apply for again now, so that she is
    /// not asked their questions; when that is all of them, the page that says why is shown instead.
    /// </summary>
    protected async Task<IActionResult?> LeaveOutWhatSheHas(EarlierCases earlierCases)
    {
        ArgumentNullException.ThrowIfNull(earlierCases);
        return LeaveOut(await earlierCases.Of(ResidentId, Form.Services.Select(s => s.Service.Code).ToList(), HttpContext.RequestAborted));
    }

    /// <summary>
    /// After <see cref="Authorize"/>, on the pages that need her draft too: her open draft (null when she has none yet),
    /// read with her earlier cases in one round trip, and the services she cannot apply for again now left out as
    /// <see cref="LeaveOutWhatSheHas"/> does.
    /// </summary>
    protected async Task<(Draft? Open, RedirectResult? NothingLeft)> OpenDraftLeavingOutWhatSheHas(EarlierCases earlierCases)
    {
        ArgumentNullException.ThrowIfNull(earlierCases);
        var (open, earlier) = await earlierCases.WithOpenDraft(ResidentId, Form, HttpContext.RequestAborted);
        return (open, LeaveOut(earlier));
    }

    private RedirectResult? LeaveOut(IReadOnlyList<EarlierCase> earlier)
    {
        LeftOut = MayApplyAgain.InForm(Form, earlier, Today);
        Whole = Form;
        if (LeftOut.Count == Form.Services.Count)
        {
            return Redirect($"{Form.Path}/not-now");
        }

        Form = Form.Without(LeftOut.Select(b => b.Service.Code).ToList());
        return null;
    }

    /// <summary>The form before anything was left out: every service of the life event.</summary>
    public ApplicationForm Whole { get; private set; } = null!;

    /// <summary>The services of a life event she chose not to apply for.</summary>
    public IReadOnlyList<Service> NotChosen { get; private set; } = [];

    /// <summary>
    /// After <see cref="LeaveOutWhatSheHas"/>: leaves out the services she chose not to apply for; when she left out
    /// everything she still could have, she is sent back to choose.
    /// </summary>
    protected IActionResult? LeaveOutWhatSheChose(Draft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        NotChosen = Form.Services.Select(s => s.Service).Where(s => draft.LeftOut.Contains(s.Code)).ToList();
        if (NotChosen.Count == 0)
        {
            return null;
        }

        if (NotChosen.Count == Form.Services.Count)
        {
            return Redirect($"{Form.Path}/services");
        }

        Form = Form.Without(NotChosen.Select(s => s.Code).ToList());
        return null;
    }
}
