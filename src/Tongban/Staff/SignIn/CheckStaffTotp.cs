using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OtpNet;
using Tongban.Platform.Data;
using Tongban.Platform.Localization;

namespace Tongban.Staff.SignIn;

public sealed record StaffTotpChecked(StaffMember? Staff, string? Error, bool MustStartAgain);

/// <summary>
/// The second step: a 6-digit TOTP code (RFC 6238, 30-second steps, one step of clock drift either way).
/// A code works once; wrong codes count towards the same lockout as wrong passwords.
/// </summary>
public sealed class CheckStaffTotp(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t)
{
    public async Task<StaffTotpChecked> Handle(Guid staffId, string? typedCode, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var staff = await db.StaffMembers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == staffId && s.Active, cancellationToken);
        if (staff is null)
        {
            return new(null, t["Please sign in again."], MustStartAgain: true);
        }

        var code = new string((typedCode ?? "").Where(char.IsAsciiDigit).ToArray());
        if (code.Length != 6)
        {
            return new(null, t["Enter the 6 digits from your authenticator app."], MustStartAgain: false);
        }

        if (!await StaffLockout.TakeTry(db, staff.UserName, now, cancellationToken))
        {
            return new(null, StaffLockout.Message(t), MustStartAgain: true);
        }

        var totp = new Totp(Base32Encoding.ToBytes(staff.TotpSecret));
        if (!totp.VerifyTotp(now, code, out var step, new VerificationWindow(previous: 1, future: 1)))
        {
            return await StaffLockout.Failed(db, staff.UserName, now, cancellationToken)
                ? new(null, StaffLockout.Message(t), MustStartAgain: true)
                : new(null, t["That code is not right. Check the time on your phone and try the next code."], MustStartAgain: false);
        }

        // Only one request can use a time step: a code read over a shoulder or replayed is refused.
        var claimed = await db.StaffMembers.Where(s => s.Id == staff.Id && s.LastTotpStep < step)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastTotpStep, step), cancellationToken);
        if (claimed == 0)
        {
            // A double click or a replay of a right code: refused, but it was not a guess.
            await StaffLockout.Succeeded(db, staff.UserName, complete: false, cancellationToken);
            return new(null, t["This code was already used. Wait for the next one."], MustStartAgain: false);
        }

        await StaffLockout.Succeeded(db, staff.UserName, complete: true, cancellationToken);
        return new(staff, null, MustStartAgain: false);
    }
}
