using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Audit;
using Tongban.Platform.Auth;
using Tongban.Platform.Data;
using Tongban.Staff;

namespace Tongban.Residents.Identity.Pages;

/// <summary>
/// <c>/staff/identity-disputes</c>, for counter clerks: ID numbers two accounts have each proven, oldest first; the
/// clerk settles one when the person comes with her card (<c>?id=</c>). Seeing the two accounts goes on both trails.
/// </summary>
[Authorize(Policy = StaffPolicies.Counter)]
public sealed class DisputesModel(AppDbContext db, ResolveIdentityDispute resolve, AuditTrail audit) : PageModel
{
    public sealed record Account(Guid Id, string Name, string? Mobile, DateTime CreatedAt, bool Holds);

    public IReadOnlyList<IdentityDispute> Open { get; private set; } = [];
    public IdentityDispute? Dispute { get; private set; }
    public IReadOnlyList<Account> Accounts { get; private set; } = [];
    public Guid? CodeFor { get; private set; }
    public Guid? CodeChallenge { get; private set; }
    public string? Error { get; private set; }
    public bool Settled { get; private set; }

    public async Task<IActionResult> OnGet(Guid? id, bool settled, CancellationToken cancellationToken)
    {
        Settled = settled;
        return await Show(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostSend(Guid id, Guid account, CancellationToken cancellationToken)
    {
        var sent = await resolve.SendCode(id, account, User.Id()!.Value, cancellationToken);
        (CodeFor, CodeChallenge, Error) = (sent.Challenge is null ? null : account, sent.Challenge, sent.Error);
        return await Show(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostSettle(Guid id, Guid account, Guid challenge, string? code, string? cardCheck, CancellationToken cancellationToken)
    {
        if (cardCheck is not ("IdCardReader" or "IdCardInspected"))
        {
            (CodeFor, CodeChallenge, Error) = (account, challenge, "card");
            return await Show(id, cancellationToken);
        }

        Error = await resolve.Settle(id, account, challenge, code, User.Id()!.Value, User.Identity?.Name ?? "", cardCheck, cancellationToken);
        if (Error is null)
        {
            return Redirect("/staff/identity-disputes?settled=true");
        }

        (CodeFor, CodeChallenge) = (account, challenge);
        return await Show(id, cancellationToken);
    }

    private async Task<IActionResult> Show(Guid? id, CancellationToken cancellationToken)
    {
        Open = await db.IdentityDisputes.AsNoTracking().Where(d => d.ResolvedAt == null).OrderBy(d => d.RaisedAt).Take(100).ToListAsync(cancellationToken);
        Dispute = id is null ? null : Open.FirstOrDefault(d => d.Id == id);
        if (Dispute is { } dispute)
        {
            var people = await db.Residents.AsNoTracking().Where(r => r.Id == dispute.HolderId || r.Id == dispute.ClaimantId).ToListAsync(cancellationToken);
            Accounts = people.Select(r => new Account(r.Id, ResidentName.Of(r), r.MobileNumber, r.CreatedAt, r.Id == dispute.HolderId)).OrderByDescending(a => a.Holds).ToList();
            if (HttpMethods.IsGet(Request.Method))
            {
                var actor = User.StaffActor(Channel.Counter, $"dispute:{dispute.Id}");
                foreach (var person in people)
                {
                    await audit.Record(person.Id, actor, AuditAction.Viewed, AuditSubject.Profile, cancellationToken);
                }
            }
        }

        return Page();
    }
}
