using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tongban.Platform.Data;
using Tongban.Platform.Localization;

namespace Tongban.Staff.SignIn;

/// <summary>
/// Counts wrong passwords and wrong TOTP codes together: after <see cref="StaffMember.MaxFailedSignIns"/>
/// the account is locked for <see cref="StaffMember.LockoutDuration"/>. Counted in the database, so every node sees it.
/// </summary>
internal static class StaffLockout
{
    /// <returns>Whether this failure locked the account.</returns>
    public static async Task<bool> RegisterFailure(AppDbContext db, Guid staffId, DateTime now, CancellationToken cancellationToken)
    {
        await db.StaffMembers.Where(s => s.Id == staffId)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.FailedSignIns, s => s.FailedSignIns + 1), cancellationToken);
        var locked = await db.StaffMembers.Where(s => s.Id == staffId && s.FailedSignIns >= StaffMember.MaxFailedSignIns)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.LockedUntil, now + StaffMember.LockoutDuration).SetProperty(s => s.FailedSignIns, 0), cancellationToken);
        return locked > 0;
    }

    public static bool IsLocked(StaffMember staff, DateTime now) => staff.LockedUntil is { } until && until > now;

    public static string Message(IStringLocalizer<SharedResource> t) =>
        t["Too many wrong tries: this account is locked for {0} minutes. Ask your supervisor if you need it sooner.", (int)StaffMember.LockoutDuration.TotalMinutes];
}
