using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Cases.Log;
using Tongban.Platform.Audit;
using Tongban.Platform.Data;

namespace Tongban.Cases.Pages;

/// <summary>
/// What the resident's and the officer's case pages share: the case by its reference with its log, the
/// version the page was shown at (sent back with every action), the action posted, and why nothing changed.
/// </summary>
public abstract class CasePageModel(AppDbContext db, AuditTrail audit) : PageModel
{
    protected AppDbContext Db => db;

    protected AuditTrail Audit => audit;

    public Case Case { get; private set; } = null!;
    public IReadOnlyList<CaseAction> History { get; private set; } = [];
    public IReadOnlyList<(string Field, string Message)> Errors { get; protected set; } = [];

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

    /// <summary>The case, its log and what the page shows; who is looking, or null with <see cref="Refused"/> set.</summary>
    protected abstract Task<Actor?> Load(string reference, CancellationToken cancellationToken);

    /// <summary>Shows the case; every look at it goes on her "who acted for me" trail.</summary>
    public async Task<IActionResult> OnGet(string reference, CancellationToken cancellationToken)
    {
        if (await Load(reference, cancellationToken) is not { } actor)
        {
            return Refused!;
        }

        await audit.Record(Case.ResidentId, actor, AuditAction.Viewed, $"Case:{CaseReference.Display(Case.Reference)}", cancellationToken);
        return Page();
    }

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
