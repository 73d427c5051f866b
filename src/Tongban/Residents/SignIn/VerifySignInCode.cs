using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;

namespace Tongban.Residents.SignIn;

public sealed record SignInCodeVerified(Resident? Resident, string? Error, bool MustStartAgain);

/// <summary>
/// Signs her in with the code sent to her number. The first successful sign-in creates the resident; a resident who
/// never chose a language gets the one she is using, so that her messages and letters come in it (she can change it).
/// </summary>
public sealed class VerifySignInCode(AppDbContext db, CheckSmsCode check, TimeProvider clock)
{
    public async Task<SignInCodeVerified> Handle(Guid challenge, string? typedCode, string usingLanguage, CancellationToken cancellationToken)
    {
        var result = await check.Handle(challenge, typedCode, CodePurpose.SignIn, cancellationToken);
        if (result.MobileNumber is not { } mobile)
        {
            return new(null, result.Error, result.MustStartAgain);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        // Only a confirmed number signs in: a number a clerk typed for someone else is not hers to reach (docs/adr/0016).
        var resident = await db.Residents.SingleOrDefaultAsync(r => r.MobileNumber == mobile, cancellationToken);
        if (resident is null)
        {
            resident = new Resident { Id = Guid.NewGuid(), MobileNumber = mobile, CreatedAt = now };
            db.Residents.Add(resident);
        }

        resident.LastSignedInAt = now;
        resident.PreferredLanguage ??= usingLanguage;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same person's first sign-in on two devices at once: both reach the one account that won.
            db.Entry(resident).State = EntityState.Detached;
            resident = await db.Residents.SingleAsync(r => r.MobileNumber == mobile, cancellationToken);
        }

        return new(resident, null, MustStartAgain: false);
    }
}
