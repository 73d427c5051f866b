using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tongban.Platform.Data;
using Tongban.Platform.Localization;

namespace Tongban.Residents.SignIn;

public sealed record SignInCodeVerified(Resident? Resident, string? Error, bool MustStartAgain);

/// <summary>
/// Checks a sign-in code. Each wrong try counts; a right code works once, even if two requests race
/// with it. The first successful sign-in creates the resident.
/// </summary>
public sealed class VerifySignInCode(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t)
{
    public async Task<SignInCodeVerified> Handle(Guid challenge, string? typedCode, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var entry = await db.SignInCodes.AsNoTracking().SingleOrDefaultAsync(c => c.Id == challenge, cancellationToken);
        if (entry is null || entry.UsedAt is not null || entry.ExpiresAt <= now)
        {
            return new(null, t["This code has expired or was already used. Ask for a new one."], MustStartAgain: true);
        }

        if (entry.Attempts >= SignInCode.MaxAttempts)
        {
            return new(null, t["Too many wrong codes. Ask for a new one."], MustStartAgain: true);
        }

        var code = new string((typedCode ?? "").Where(char.IsAsciiDigit).ToArray());
        if (code.Length != SignInCode.Digits)
        {
            return new(null, t["Enter the 6 digits from the text message."], MustStartAgain: false);
        }

        if (!entry.Matches(code))
        {
            var attempts = entry.Attempts + 1;
            await db.SignInCodes.Where(c => c.Id == challenge).ExecuteUpdateAsync(u => u.SetProperty(c => c.Attempts, c => c.Attempts + 1), cancellationToken);
            return attempts >= SignInCode.MaxAttempts
                ? new(null, t["Too many wrong codes. Ask for a new one."], MustStartAgain: true)
                : new(null, t["That code is not right. You have {0} tries left.", SignInCode.MaxAttempts - attempts], MustStartAgain: false);
        }

        // Only one request can turn an unused code into a used one.
        var claimed = await db.SignInCodes.Where(c => c.Id == challenge && c.UsedAt == null && c.Attempts < SignInCode.MaxAttempts)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.UsedAt, now), cancellationToken);
        if (claimed == 0)
        {
            return new(null, t["This code has expired or was already used. Ask for a new one."], MustStartAgain: true);
        }

        var resident = await db.Residents.SingleOrDefaultAsync(r => r.MobileNumber == entry.MobileNumber, cancellationToken);
        if (resident is null)
        {
            resident = new Resident { Id = Guid.NewGuid(), MobileNumber = entry.MobileNumber, CreatedAt = now };
            db.Residents.Add(resident);
        }

        resident.LastSignedInAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return new(resident, null, MustStartAgain: false);
    }
}
