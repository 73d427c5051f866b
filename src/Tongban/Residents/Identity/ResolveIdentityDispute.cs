using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tongban.Platform.Audit;
using Tongban.Platform.Data;
using Tongban.Platform.Localization;
using Tongban.Residents.SignIn;

namespace Tongban.Residents.Identity;

/// <summary>
/// A counter clerk settles a dispute with the card in front of her: the account that gets the number is the one
/// whose phone receives the code she reads back. The other account keeps its claim but loses the proof; both
/// trails say what the clerk did.
/// </summary>
public sealed class ResolveIdentityDispute(AppDbContext db, ReadBackCode readBack, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> t)
{
    public async Task<SignInCodeRequested> SendCode(Guid disputeId, Guid accountId, Guid staffId, CancellationToken cancellationToken)
    {
        var dispute = await Open(disputeId, cancellationToken);
        var mobile = dispute is null || (accountId != dispute.HolderId && accountId != dispute.ClaimantId) ? null
            : await db.Residents.Where(r => r.Id == accountId).Select(r => r.MobileNumber).SingleOrDefaultAsync(cancellationToken);
        return mobile is null
            ? new(null, t["This account has no mobile number to send a code to: it cannot be the one she uses online."])
            : await readBack.Send(mobile, staffId, cancellationToken);
    }

    /// <returns>Null when settled, else what to tell the clerk.</returns>
    public async Task<string?> Settle(Guid disputeId, Guid accountId, Guid challenge, string? code, Guid staffId, string staffName, string cardCheck, CancellationToken cancellationToken)
    {
        var dispute = await Open(disputeId, cancellationToken);
        if (dispute is null || (accountId != dispute.HolderId && accountId != dispute.ClaimantId))
        {
            return t["This dispute is already settled."];
        }

        var winner = await db.Residents.SingleAsync(r => r.Id == accountId, cancellationToken);
        var proven = await readBack.Check(challenge, code, winner.MobileNumber, cancellationToken);
        if (proven.MobileNumber is null)
        {
            return proven.Error;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var loserId = accountId == dispute.HolderId ? dispute.ClaimantId : dispute.HolderId;
        var actor = new Actor(ActorKind.Staff, staffId, staffName, Channel.Counter, $"card:{cardCheck}");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The loser's proof goes first, so that the number is never on two accounts.
        await db.Residents.Where(r => r.Id == loserId && r.IdNumber == dispute.IdNumber).ExecuteUpdateAsync(u => u
            .SetProperty(r => r.IdNumber, (string?)null).SetProperty(r => r.IdNumberProof, (IdNumberProof?)null)
            .SetProperty(r => r.IdNumberVerifiedAt, (DateTime?)null).SetProperty(r => r.ClaimedIdNumber, dispute.IdNumber), cancellationToken);
        if (winner.IdNumber != dispute.IdNumber)
        {
            winner.IdNumber = dispute.IdNumber;
            winner.IdNumberProof = IdNumberProof.ClerkSawCard;
            winner.IdNumberVerifiedAt = now;
            winner.ClaimedIdNumber = null;
        }

        dispute.ResolvedAt = now;
        dispute.ResolvedBy = staffId;
        dispute.ResolvedFor = accountId;
        await db.SaveChangesAsync(cancellationToken);
        await audit.Record(accountId, actor, AuditAction.Changed, AuditSubject.IdNumber, cancellationToken);
        await audit.Record(loserId, actor, AuditAction.Changed, AuditSubject.IdNumber, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    private Task<IdentityDispute?> Open(Guid disputeId, CancellationToken cancellationToken) =>
        db.IdentityDisputes.SingleOrDefaultAsync(d => d.Id == disputeId && d.ResolvedAt == null, cancellationToken);
}
