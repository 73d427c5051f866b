using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tongban.Platform.Data;
using Tongban.Platform.Localization;

namespace Tongban.Residents.SignIn;

public sealed record SmsCodeChecked(string? MobileNumber, string? Error, bool MustStartAgain);

/// <summary>
/// Checks a code sent by SMS for one purpose. Each wrong try counts; a right code works once, even if two
/// requests race with it. A right answer gives the number the code was sent to: it is now proven.
/// </summary>
public sealed class CheckSmsCode(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t)
{
    public async Task<SmsCodeChecked> Handle(Guid challenge, string? typedCode, CodePurpose purpose, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var entry = await db.SignInCodes.AsNoTracking().SingleOrDefaultAsync(c => c.Id == challenge && c.Purpose == purpose, cancellationToken);
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
            // Counted atomically: concurrent wrong tries cannot share one count.
            await db.SignInCodes.Where(c => c.Id == challenge).ExecuteUpdateAsync(u => u.SetProperty(c => c.Attempts, c => c.Attempts + 1), cancellationToken);
            var attempts = await db.SignInCodes.Where(c => c.Id == challenge).Select(c => c.Attempts).SingleAsync(cancellationToken);
            return attempts >= SignInCode.MaxAttempts
                ? new(null, t["Too many wrong codes. Ask for a new one."], MustStartAgain: true)
                : new(null, t["That code is not right. You have {0} tries left.", SignInCode.MaxAttempts - attempts], MustStartAgain: false);
        }

        // Only one request can turn an unused code into a used one, and only while it has tries left.
        var claimed = await db.SignInCodes.Where(c => c.Id == challenge && c.UsedAt == null && c.Attempts < SignInCode.MaxAttempts && c.ExpiresAt > now)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.UsedAt, now), cancellationToken);
        return claimed == 0
            ? new(null, t["This code has expired or was already used. Ask for a new one."], MustStartAgain: true)
            : new(entry.MobileNumber, null, MustStartAgain: false);
    }
}
