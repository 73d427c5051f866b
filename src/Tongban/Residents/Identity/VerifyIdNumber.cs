using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;

namespace Tongban.Residents.Identity;

public enum VerifyOutcome
{
    Verified,

    /// <summary>No ID number, name or mobile number to check yet.</summary>
    NothingToCheck,

    /// <summary>The register does not hold these together.</summary>
    NoMatch,

    /// <summary>The service could not be asked just now, or there is none: she can try later, or go to a counter.</summary>
    Unavailable,

    /// <summary>Another account holds the number: a clerk will sort it out with her card.</summary>
    Disputed,
}

/// <summary>
/// She asks the real-name service to confirm that the ID number she typed, her name and the mobile number she
/// signs in with belong together. Only a match makes the number hers.
/// </summary>
public sealed class VerifyIdNumber(AppDbContext db, BindProvenIdNumber bind, IServiceProvider services)
{
    /// <summary>Whether any real-name service is configured (else only a counter or the post can prove a number).</summary>
    public bool Available => services.GetService<IRealNameCheck>() is not null;

    public async Task<VerifyOutcome> Handle(Guid residentId, CancellationToken cancellationToken)
    {
        var resident = await db.Residents.AsNoTracking().SingleAsync(r => r.Id == residentId, cancellationToken);
        if (resident.IdNumber is not null)
        {
            return VerifyOutcome.Verified;
        }

        if (resident.ClaimedIdNumber is not { } claimed || resident.FullName is not { } name || resident.MobileNumber is not { } mobile)
        {
            return VerifyOutcome.NothingToCheck;
        }

        if (services.GetService<IRealNameCheck>() is not { } check)
        {
            return VerifyOutcome.Unavailable;
        }

        return await check.Check(claimed, name, mobile, cancellationToken) switch
        {
            RealNameAnswer.Match => await bind.Handle(residentId, claimed, IdNumberProof.RealNameService, cancellationToken) == BindOutcome.Bound
                ? VerifyOutcome.Verified
                : VerifyOutcome.Disputed,
            RealNameAnswer.NoMatch => VerifyOutcome.NoMatch,
            _ => VerifyOutcome.Unavailable,
        };
    }
}
