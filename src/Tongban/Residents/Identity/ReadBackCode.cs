using Microsoft.Extensions.Localization;
using Tongban.Platform.Localization;
using Tongban.Residents.SignIn;

namespace Tongban.Residents.Identity;

/// <summary>
/// A code a member of staff sends to a mobile number and the person with her reads back: it proves she holds that
/// number. Its own purpose (never accepted for signing in), counted against the staff member's own limit.
/// </summary>
public sealed class ReadBackCode(RequestSignInCode codes, CheckSmsCode check, IStringLocalizer<SharedResource> t)
{
    public Task<SignInCodeRequested> Send(string mobile, Guid staffId, CancellationToken cancellationToken) =>
        codes.Handle(mobile, $"staff:{staffId}", CodePurpose.ConfirmNumber, cancellationToken);

    /// <summary>The number proven when the code is right and was sent to <paramref name="expectedMobile"/>; else why not.</summary>
    public async Task<SmsCodeChecked> Check(Guid challenge, string? code, string? expectedMobile, CancellationToken cancellationToken)
    {
        var result = await check.Handle(challenge, code, CodePurpose.ConfirmNumber, cancellationToken);
        return result.MobileNumber is null || result.MobileNumber == expectedMobile
            ? result
            : new(null, t["This code was sent to another number. Ask for a new one."], MustStartAgain: true);
    }
}
