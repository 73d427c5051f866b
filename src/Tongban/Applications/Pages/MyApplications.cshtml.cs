using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Cases;
using Tongban.Catalogue;
using Tongban.Catalogue.Forms;
using Tongban.Platform.Audit;
using Tongban.Platform.Auth;
using Tongban.Platform.Data;
using Tongban.Residents.Access;
using Tongban.Residents.Delegations;

namespace Tongban.Applications.Pages;

/// <summary>
/// <c>/me/applications</c>: her forms not sent yet, her applications being handled and those finished, for her, or
/// for the person she acts for (only the services her permission covers; the look goes on that person's trail).
/// </summary>
[Authorize(Policy = AuthSetup.ResidentPolicy)]
public sealed class MyApplicationsModel(AppDbContext db, ActingFor acting, ResidentAccessPolicy policy, AuditTrail audit, CatalogueStore catalogue) : PageModel
{
    public const int MaxShown = 200;

    /// <summary>Her name when someone acts for her; null on her own list.</summary>
    public string? ActingForName { get; private set; }

    public IReadOnlyList<(ApplicationForm Form, Draft Draft)> Drafts { get; private set; } = [];
    public IReadOnlyList<(Case Case, string Service)> Open { get; private set; } = [];
    public IReadOnlyList<(Case Case, string Service)> Finished { get; private set; } = [];

    public async Task OnGet(CancellationToken cancellationToken)
    {
        var subjectId = await acting.SubjectId(HttpContext);
        var snapshot = await catalogue.Current(cancellationToken);
        var allowed = new Dictionary<string, Actor?>(StringComparer.Ordinal);
        async Task<Actor?> May(string serviceCode)
        {
            if (!allowed.TryGetValue(serviceCode, out var actor))
            {
                allowed[serviceCode] = actor = await policy.Decide(HttpContext, subjectId, ResidentOperation.ActOnService, serviceCode);
            }

            return actor;
        }

        if (subjectId != User.Id())
        {
            ActingForName = Residents.ResidentName.Of(await db.Residents.AsNoTracking().SingleAsync(r => r.Id == subjectId, cancellationToken));
        }

        var cases = await db.Cases.AsNoTracking().Where(c => c.ResidentId == subjectId).OrderByDescending(c => c.SubmittedAt).Take(MaxShown).ToListAsync(cancellationToken);
        var drafts = await db.Drafts.AsNoTracking().Where(d => d.ResidentId == subjectId && d.SubmittedAt == null).OrderByDescending(d => d.UpdatedAt).Take(MaxShown).ToListAsync(cancellationToken);
        var shownCases = new List<(Case, string)>();
        Actor? seenBy = null;
        foreach (var c in cases)
        {
            if (await May(c.ServiceCode) is { } actor)
            {
                seenBy = actor;
                shownCases.Add((c, snapshot.Service(c.ServiceCode)?.Name.Current ?? c.ServiceCode));
            }
        }

        var shownDrafts = new List<(ApplicationForm, Draft)>();
        foreach (var d in drafts)
        {
            var parts = d.FormKey.Split('/', 2);
            if (parts.Length == 2 && snapshot.ApplicationForm(parts[0], parts[1]) is { } form && await AllowedAll(form) is { } actor)
            {
                seenBy = actor;
                shownDrafts.Add((form, d));
            }
        }

        async Task<Actor?> AllowedAll(ApplicationForm form)
        {
            Actor? last = null;
            foreach (var (service, _) in form.Services)
            {
                if ((last = await May(service.Code)) is null)
                {
                    return null;
                }
            }

            return last;
        }

        // Someone acting for her sees only what her permission covers (possibly nothing); the look is on her trail
        // (which leaves out her own looks).
        if (seenBy is not null)
        {
            await audit.Record(subjectId, seenBy, AuditAction.Viewed, AuditSubject.Applications, cancellationToken);
        }

        Drafts = shownDrafts;
        Open = shownCases.Where(c => Cases.Log.CaseTransitions.IsOpen(c.Item1.Status)).ToList();
        Finished = shownCases.Where(c => !Cases.Log.CaseTransitions.IsOpen(c.Item1.Status)).ToList();
    }
}
