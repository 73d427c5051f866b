using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Cases.Log;
using Tongban.Platform.Audit;
using Tongban.Platform.Data;
using Tongban.Platform.Web;

namespace Tongban.Cases.Pages;

/// <summary>
/// What the resident's and the officer's case pages share: the case by its reference with its log, who is
/// looking (resolved once per request, before any handler runs: a handler never sees a request without a
/// right to the case), the version the page was shown at (sent back with every action), the action posted,
/// and why nothing changed.
/// </summary>
public abstract class CasePageModel(AppDbContext db, AuditTrail audit) : PageModel
{
    protected AppDbContext Db => db;

    protected AuditTrail Audit => audit;

    /// <summary>Who is looking, by what right; set before every handler.</summary>
    protected Actor Actor { get; private set; } = null!;

    public Case Case { get; private set; } = null!;
    public IReadOnlyList<CaseAction> History { get; private set; } = [];
    public IReadOnlyList<FieldError> Errors { get; protected set; } = [];

    /// <summary>Why nothing changed: someone acted first, or the action does not fit the status.</summary>
    public string? Refusal { get; protected set; }

    [BindProperty(SupportsGet = true)]
    public CaseActionKind? Done { get; set; }

    [BindProperty]
    public CaseActionKind? Act { get; set; }

    /// <summary>The case's version when the page was shown.</summary>
    [BindProperty]
    public int Version { get; set; }

    /// <summary>Reasons, a note, or her answer to a notice.</summary>
    [BindProperty]
    public string? Text { get; set; }

    /// <summary>The answer instead of the page when <see cref="Load"/> found no case or no right to it.</summary>
    protected IActionResult? Refused { get; set; }

    /// <summary>The case, its log and what the page shows; who is looking, or null with <see cref="Refused"/> set. Called once per request, before the handler.</summary>
    protected abstract Task<Actor?> Load(string reference, CancellationToken cancellationToken);

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (await Load(RouteData.Values["reference"] as string ?? "", HttpContext.RequestAborted) is not { } actor)
        {
            context.Result = Refused;
            return;
        }

        Actor = actor;
        await next();
    }

    /// <summary>
    /// Shows the case; every look at it goes on her "who acted for me" trail, except the page that follows an
    /// action just taken, which the action's own entry already records (one entry per decision, not two).
    /// </summary>
    public async Task<IActionResult> OnGet(CancellationToken cancellationToken)
    {
        if (TempData[ActedOn] as string != Case.Reference)
        {
            await audit.Record(Case.ResidentId, Actor, AuditAction.Viewed, AuditSubject.Case(CaseReference.Display(Case.Reference)), cancellationToken);
        }

        return Page();
    }

    /// <summary>After an action: to the case's page, which does not record a second look (see <see cref="OnGet"/>).</summary>
    protected IActionResult ShowAfterAction(string path)
    {
        // TempData travels in a cookie protected by the data-protection keys: a visitor cannot forge it to look unrecorded.
        TempData[ActedOn] = Case.Reference;
        return Redirect(path);
    }

    private const string ActedOn = "tongban:acted-on";

    /// <summary>Loads the case and its log; null for a malformed or unknown reference.</summary>
    protected async Task<Case?> Find(string reference, CancellationToken cancellationToken)
    {
        var found = CaseReference.Normalize(reference) is { } normalized
            ? await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Reference == normalized, cancellationToken)
            : null;
        if (found is null)
        {
            return null;
        }

        Case = found;
        History = await db.CaseActions.AsNoTracking().Where(a => a.CaseId == found.Id).OrderBy(a => a.Sequence).ToListAsync(cancellationToken);
        if (Request.Method == HttpMethods.Get)
        {
            Version = found.Version;
        }

        return found;
    }

    /// <summary>After a stale action: the page shows the case as it is now, and the next try names the version just seen.</summary>
    protected async Task Reload(string reference, CancellationToken cancellationToken)
    {
        await Find(reference, cancellationToken);
        Version = Case.Version;
    }
}
