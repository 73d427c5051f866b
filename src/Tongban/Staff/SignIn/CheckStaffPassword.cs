using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tongban.Platform.Data;
using Tongban.Platform.Localization;

namespace Tongban.Staff.SignIn;

public sealed record StaffPasswordChecked(Guid? StaffId, string? Error);

/// <summary>
/// The first step of a staff sign-in. The answer is the same for an unknown username and a wrong
/// password, takes as long, and locks alike after five tries, so that it tells nobody which accounts exist.
/// </summary>
public sealed class CheckStaffPassword(AppDbContext db, TimeProvider clock, IPasswordHasher<StaffMember> hasher, IStringLocalizer<SharedResource> t)
{
    private static readonly StaffMember Nobody = new() { UserName = "", DisplayName = "", PasswordHash = "", TotpSecret = "" };
    private static readonly Lazy<string> NobodysHash = new(() => new PasswordHasher<StaffMember>().HashPassword(Nobody, Guid.NewGuid().ToString()));

    public async Task<StaffPasswordChecked> Handle(string? userName, string? password, CancellationToken cancellationToken)
    {
        var name = (userName ?? "").Trim().ToLowerInvariant();
        if (name.Length == 0 || string.IsNullOrEmpty(password))
        {
            return new(null, t["Enter your username and password."]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (!await StaffLockout.TakeTry(db, name, now, cancellationToken))
        {
            // Locked, for a name with an account or without one alike.
            hasher.VerifyHashedPassword(Nobody, NobodysHash.Value, password);
            return new(null, StaffLockout.Message(t));
        }

        var staff = await db.StaffMembers.SingleOrDefaultAsync(s => s.UserName == name, cancellationToken);
        var result = PasswordVerificationResult.Failed;
        if (staff is { Active: true })
        {
            result = hasher.VerifyHashedPassword(staff, staff.PasswordHash, password);
        }
        else
        {
            // As long as a real check, so that timing does not tell either.
            hasher.VerifyHashedPassword(Nobody, NobodysHash.Value, password);
        }

        if (staff is not { Active: true } || result == PasswordVerificationResult.Failed)
        {
            return await StaffLockout.Failed(db, name, now, cancellationToken)
                ? new(null, StaffLockout.Message(t))
                : new(null, t["The username or password is not right."]);
        }

        await StaffLockout.Succeeded(db, name, complete: false, cancellationToken);
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            staff.PasswordHash = hasher.HashPassword(staff, password);
            await db.SaveChangesAsync(cancellationToken);
        }

        return new(staff.Id, null);
    }
}
