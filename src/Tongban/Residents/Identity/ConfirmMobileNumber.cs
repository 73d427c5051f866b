using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tongban.Platform.Audit;
using Tongban.Platform.Data;
using Tongban.Platform.Localization;
using Tongban.Residents.SignIn;

namespace Tongban.Residents.Identity;

/// <summary>
/// A mobile number a clerk typed for a resident becomes a way to sign in only when a code sent to it is read back
/// to the clerk or agent (at the counter, or later on the phone). Until then whoever holds a mistyped number
/// reaches nothing.
/// </summary>
public sealed class ConfirmMobileNumber(AppDbContext db, ReadBackCode readBack, AuditTrail audit, IStringLocalizer<SharedResource> t)
{
    public async Task<SignInCodeRequested> Send(Guid residentId, Guid staffId, CancellationToken cancellationToken)
    {
        var number = await db.Residents.Where(r => r.Id == residentId).Select(r => r.UnconfirmedMobileNumber).SingleAsync(cancellationToken);
        return number is null
            ? new(null, t["There is no number waiting to be confirmed."])
            : await readBack.Send(number, staffId, cancellationToken);
    }

    /// <returns>The number, now hers; or, without one, what to tell the clerk.</returns>
    public async Task<SmsCodeChecked> Confirm(Guid residentId, Guid challenge, string? code, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var resident = await db.Residents.SingleAsync(r => r.Id == residentId, cancellationToken);
        var checkedCode = await readBack.Check(challenge, code, resident.UnconfirmedMobileNumber, cancellationToken);
        if (checkedCode.MobileNumber is not { } mobile)
        {
            return checkedCode;
        }

        if (await db.Residents.AnyAsync(r => r.MobileNumber == mobile && r.Id != residentId, cancellationToken))
        {
            return new(null, t["This mobile number already signs in to another account. She can keep using that one: find her by this number instead."], MustStartAgain: true);
        }

        resident.MobileNumber = mobile;
        resident.UnconfirmedMobileNumber = null;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return new(null, t["This mobile number already signs in to another account. She can keep using that one: find her by this number instead."], MustStartAgain: true);
        }

        await audit.Record(residentId, actor, AuditAction.Changed, AuditSubject.Mobile, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return checkedCode;
    }
}
