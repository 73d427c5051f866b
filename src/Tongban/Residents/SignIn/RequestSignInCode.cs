using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tongban.Platform.Data;
using Tongban.Platform.Localization;
using Tongban.Platform.Sms;

namespace Tongban.Residents.SignIn;

public sealed record SignInCodeRequested(Guid? Challenge, string? Error);

/// <summary>
/// Sends a one-time code to a mobile number: to sign in, or for a clerk to confirm she holds it. The answer is the
/// same whether or not the number belongs to a resident already, so the form cannot be used to find out who uses
/// Tongban. The limits per number and per address are counted and the code inserted in one transaction that holds
/// both keys, so a hundred requests at once cannot get past them.
/// </summary>
public sealed class RequestSignInCode(AppDbContext db, ISmsSender sms, TimeProvider clock, IStringLocalizer<SharedResource> t, ILogger<RequestSignInCode> logger)
{
    public const int MaxPerNumberPerHour = 5;
    public const int MaxPerAddressPerHour = 20;
    public static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(60);

    public Task<SignInCodeRequested> Handle(string? typedNumber, string? address, CancellationToken cancellationToken) =>
        Handle(typedNumber, address, CodePurpose.SignIn, cancellationToken);

    public async Task<SignInCodeRequested> Handle(string? typedNumber, string? address, CodePurpose purpose, CancellationToken cancellationToken)
    {
        var mobile = MobileNumber.Normalize(typedNumber);
        if (mobile is null)
        {
            return new(null, t["Enter a mainland China mobile number, like 138 0013 8000."]);
        }

        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        var (entry, refusal) = await Reserve(mobile, address, purpose, code, cancellationToken);
        if (entry is null)
        {
            return new(null, refusal);
        }

        var text = purpose == CodePurpose.SignIn
            ? t["Tongban sign-in code: {0}. Valid for 5 minutes. Never tell anyone this code, not even staff.", code]
            : t["Tongban: a clerk is adding this number to your account. If you are with them, read them this code: {0}. If you are not, do not give it to anyone.", code];
        try
        {
            await sms.Send(mobile, text, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // A code nobody received must not count against her limits: she should be able to try again at once.
            logger.LogWarning(e, "The SMS gateway did not take a code.");
            await db.SignInCodes.Where(c => c.Id == entry.Id).ExecuteDeleteAsync(CancellationToken.None);
            return new(null, t["We could not send the text message just now. Please try again in a minute, or call 12345 for help."]);
        }

        return new(entry.Id, null);
    }

    /// <summary>Checks the limits and saves the code's hash as one step, holding the number's and the address's keys.</summary>
    private async Task<(SignInCode? Entry, string? Refusal)> Reserve(string mobile, string? address, CodePurpose purpose, string code, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var hourAgo = now.AddHours(-1);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Always the number first, then the address: two requests never wait for each other in a circle.
        await db.Lock($"sms-number:{mobile}", cancellationToken);
        if (address is not null)
        {
            await db.Lock($"sms-address:{address}", cancellationToken);
        }

        var recent = await db.SignInCodes.Where(c => c.MobileNumber == mobile && c.CreatedAt > hourAgo)
            .Select(c => c.CreatedAt).ToListAsync(cancellationToken);
        if (recent.Count >= MaxPerNumberPerHour
            || (address is not null && await db.SignInCodes.CountAsync(c => c.RequestedFrom == address && c.CreatedAt > hourAgo, cancellationToken) >= MaxPerAddressPerHour))
        {
            return (null, t["Too many codes were asked for. Please wait an hour, or call 12345 for help."]);
        }

        if (recent.Count > 0 && now - recent.Max() < MinInterval)
        {
            return (null, t["A code was sent less than a minute ago. Please wait a moment before asking again."]);
        }

        // A new code replaces any earlier one for the same number.
        await db.SignInCodes.Where(c => c.MobileNumber == mobile && c.UsedAt == null && c.ExpiresAt > now)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.ExpiresAt, now), cancellationToken);
        var entry = new SignInCode
        {
            Id = Guid.NewGuid(),
            MobileNumber = mobile,
            CodeHash = [],
            CreatedAt = now,
            ExpiresAt = now + SignInCode.Lifetime,
            RequestedFrom = address,
            Purpose = purpose,
        };
        entry.CodeHash = SignInCode.Hash(entry.Id, code);
        db.SignInCodes.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (entry, null);
    }
}
