using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tongban.Platform.Data;
using Tongban.Platform.Localization;

namespace Tongban.Staff.SignIn;

/// <summary>
/// Counts wrong passwords and wrong TOTP codes together, per username: after <see cref="MaxTries"/> wrong ones the
/// name is locked for <see cref="Duration"/>. A try is taken in one conditional update before it is judged (at most
/// five taken and not given back), so forty wrong passwords sent at once still get only five judged; a right one
/// gives its try back. Counted in the
/// database, so every node sees it.
/// </summary>
internal static class StaffLockout
{
    public const int MaxTries = 5;
    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(15);

    /// <returns>Whether a try was free; false while the name is locked or its tries are all being judged.</returns>
    public static async Task<bool> TakeTry(AppDbContext db, string userName, DateTime now, CancellationToken cancellationToken)
    {
        var name = Bounded(userName);
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "StaffSignInGuards" ("UserName", "Tries", "Failures") VALUES ({name}, 0, 0) ON CONFLICT DO NOTHING""", cancellationToken);
        // A lock that has run out starts the count again.
        await db.StaffSignInGuards.Where(g => g.UserName == name && g.LockedUntil != null && g.LockedUntil <= now)
            .ExecuteUpdateAsync(u => u.SetProperty(g => g.LockedUntil, (DateTime?)null).SetProperty(g => g.Tries, 0).SetProperty(g => g.Failures, 0), cancellationToken);
        var taken = await db.StaffSignInGuards.Where(g => g.UserName == name && g.LockedUntil == null && g.Tries < MaxTries)
            .ExecuteUpdateAsync(u => u.SetProperty(g => g.Tries, g => g.Tries + 1), cancellationToken);
        return taken == 1;
    }

    /// <summary>The try was wrong: it stays counted, and the last one locks the name.</summary>
    /// <returns>Whether this failure locked the name.</returns>
    public static async Task<bool> Failed(AppDbContext db, string userName, DateTime now, CancellationToken cancellationToken)
    {
        var name = Bounded(userName);
        await db.StaffSignInGuards.Where(g => g.UserName == name && g.LockedUntil == null)
            .ExecuteUpdateAsync(u => u.SetProperty(g => g.Failures, g => g.Failures + 1), cancellationToken);
        // Only the failure that reached the limit sets the lock: the earlier ones, judged at the same moment, say "not right".
        return await db.StaffSignInGuards.Where(g => g.UserName == name && g.LockedUntil == null && g.Failures >= MaxTries)
            .ExecuteUpdateAsync(u => u.SetProperty(g => g.LockedUntil, now + Duration), cancellationToken) == 1;
    }

    /// <summary>A right password gives back its try; a right TOTP code (the whole sign-in) clears the count.</summary>
    public static Task Succeeded(AppDbContext db, string userName, bool complete, CancellationToken cancellationToken)
    {
        var name = Bounded(userName);
        return complete
            ? db.StaffSignInGuards.Where(g => g.UserName == name && g.LockedUntil == null).ExecuteUpdateAsync(u => u.SetProperty(g => g.Tries, 0).SetProperty(g => g.Failures, 0), cancellationToken)
            : db.StaffSignInGuards.Where(g => g.UserName == name && g.LockedUntil == null && g.Tries > 0).ExecuteUpdateAsync(u => u.SetProperty(g => g.Tries, g => g.Tries - 1), cancellationToken);
    }

    public static string Message(IStringLocalizer<SharedResource> t) =>
        t["Too many wrong tries: this account is locked for {0} minutes. Ask your supervisor if you need it sooner.", (int)Duration.TotalMinutes];

    private static string Bounded(string userName) =>
        userName.Length <= StaffSignInGuard.MaxUserNameLength ? userName : userName[..StaffSignInGuard.MaxUserNameLength];
}
