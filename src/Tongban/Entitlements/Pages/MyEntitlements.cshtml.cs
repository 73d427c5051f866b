using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tongban.Catalogue;
using Tongban.Catalogue.Entitlements;
using Tongban.Platform.Audit;
using Tongban.Platform.Auth;
using Tongban.Platform.Data;
using Tongban.Platform.Localization;
using Tongban.Residents.Access;
using Tongban.Residents.Delegations;

namespace Tongban.Entitlements.Pages;

/// <summary>One offer as her page shows it.</summary>
public sealed record OfferLine(Offer Offer, string Service, Entitlement? Entitlement, string? CaseReference);

/// <summary>
/// <c>/me/entitlements</c>: what the city thinks she may be entitled to and why, the invitations waiting for her answer
/// (accept, or "no, thanks"), and the switch to receive no proactive offers. Someone acting for her sees and answers the
/// offers her permission covers, on her trail; only she switches offers off.
/// </summary>
[Authorize(Policy = AuthSetup.ResidentPolicy)]
public sealed class MyEntitlementsModel(AppDbContext db, ActingFor acting, ResidentAccessPolicy policy, AuditTrail audit, CatalogueStore catalogue, AnswerOffer answer, IStringLocalizer<SharedResource> t)
    : PageModel
{
    public string? ActingForName { get; private set; }
    public bool NoOffers { get; private set; }
    public IReadOnlyList<OfferLine> Offers { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGet(CancellationToken cancellationToken)
    {
        var subjectId = await acting.SubjectId(HttpContext);
        var resident = await db.Residents.AsNoTracking().SingleAsync(r => r.Id == subjectId, cancellationToken);
        NoOffers = resident.NoProactiveOffers;
        if (subjectId != User.Id())
        {
            ActingForName = Residents.ResidentName.Of(resident);
        }

        var snapshot = await catalogue.Current(cancellationToken);
        var offers = await db.Offers.AsNoTracking().Where(o => o.ResidentId == subjectId).OrderByDescending(o => o.CreatedAt).Take(100).ToListAsync(cancellationToken);
        var caseIds = offers.Where(o => o.CaseId != null).Select(o => o.CaseId!.Value).ToList();
        var references = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Reference, cancellationToken);
        var lines = new List<OfferLine>();
        Actor? seenBy = null;
        foreach (var o in offers)
        {
            if (await policy.Decide(HttpContext, subjectId, ResidentOperation.ActOnService, o.ServiceCode) is { } actor)
            {
                seenBy = actor;
                lines.Add(new(o, snapshot.Service(o.ServiceCode)?.Name.Current ?? o.ServiceCode, snapshot.Entitlement(o.ServiceCode),
                    o.CaseId is { } id ? references.GetValueOrDefault(id) : null));
            }
        }

        Offers = lines.OrderBy(l => l.Offer.Open ? 0 : 1).ToList();
        if (seenBy is not null && lines.Count > 0)
        {
            await audit.Record(subjectId, seenBy, AuditAction.Viewed, AuditSubject.Offer("all"), cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAnswer(Guid offer, string? choice, CancellationToken cancellationToken)
    {
        var subjectId = await acting.SubjectId(HttpContext);
        var serviceCode = await db.Offers.AsNoTracking().Where(o => o.Id == offer && o.ResidentId == subjectId).Select(o => o.ServiceCode).SingleOrDefaultAsync(cancellationToken);
        if (serviceCode is null || choice is not ("accept" or "decline"))
        {
            return NotFound();
        }

        if (await policy.Decide(HttpContext, subjectId, ResidentOperation.ActOnService, serviceCode) is not { } actor)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var result = await answer.Handle(offer, subjectId, choice == "accept" ? OfferAnswer.Accept : OfferAnswer.Decline, actor, cancellationToken);
        switch (result.Outcome)
        {
            case AnswerOutcome.Sent:
                return Redirect($"/cases/{result.Cases![0].Reference}");
            case AnswerOutcome.Started:
                return Redirect(result.FormPath!);
            case AnswerOutcome.Declined:
                Message = t["Understood: we will not remind you about it. You can still apply at any time."];
                break;
            default:
                Message = t["This offer was already answered."];
                break;
        }

        return RedirectToPage();
    }

    /// <summary>Only she decides whether the city may offer her anything; turning offers off withdraws those still open.</summary>
    public async Task<IActionResult> OnPostOffers(bool receive, CancellationToken cancellationToken)
    {
        var me = User.Id()!.Value;
        if (await acting.SubjectId(HttpContext) != me)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        await db.Residents.Where(r => r.Id == me).ExecuteUpdateAsync(u => u.SetProperty(r => r.NoProactiveOffers, !receive), cancellationToken);
        if (!receive)
        {
            await db.Offers.Where(o => o.ResidentId == me && o.Status == OfferStatus.Invited)
                .ExecuteUpdateAsync(u => u.SetProperty(o => o.Status, OfferStatus.Withdrawn).SetProperty(o => o.Version, o => o.Version + 1), cancellationToken);
        }

        Message = receive ? t["The city may again offer you what you are entitled to."] : t["The city will offer you nothing on its own any more. You can still apply for everything."];
        return RedirectToPage();
    }
}
