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
/// Sends a sign-in code to a mobile number. The answer is the same whether or not the number belongs to
/// a resident already, so the form cannot be used to find out who uses Tongban.
/// </summary>
public sealed class RequestSignInCode(AppDbContext db, ISmsSender sms, TimeProvider clock, IStringLocalizer<SharedResource> t, ILogger<RequestSignInCode> logger)
{
    public const int MaxPerNumberPerHour = 5;
    public const int MaxPerAddressPerHour = 20;
    public static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(60);

    public async Task<SignInCodeRequested> Handle(string? typedNumber, string? address, CancellationToken cancellationToken)
    {
        var mobile = MobileNumber.Normalize(typedNumber);
        if (mobile is null)
        {
            return new(null, t["Enter a mainland China mobile number, like 138 0013 8000."]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var hourAgo = now.AddHours(-1);
        var recent = await db.SignInCodes.Where(c => c.MobileNumber == mobile && c.CreatedAt > hourAgo)
            .Select(c => c.CreatedAt).ToListAsync(cancellationToken);
        if (recent.Count >= MaxPerNumberPerHour
            || (address is not null && await db.SignInCodes.CountAsync(c => c.RequestedFrom == address && c.CreatedAt > hourAgo, cancellationToken) >= MaxPerAddressPerHour))
        {
            return new(null, t["Too many codes were asked for. Please wait an hour, or call 12345 for help."]);
        }

        if (recent.Count > 0 && now - recent.Max() < MinInterval)
        {
            return new(null, t["A code was sent less than a minute ago. Please wait a moment before asking again."]);
        }

        // A new code replaces any earlier one for the same number.
        await db.SignInCodes.Where(c => c.MobileNumber == mobile && c.UsedAt == null && c.ExpiresAt > now)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.ExpiresAt, now), cancellationToken);

        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        var entry = new SignInCode
        {
            Id = Guid.NewGuid(),
            MobileNumber = mobile,
            CodeHash = [],
            CreatedAt = now,
            ExpiresAt = now + SignInCode.Lifetime,
            RequestedFrom = address,
        };
        entry.CodeHash = SignInCode.Hash(entry.Id, code);
        db.SignInCodes.Add(entry);
        await db.SaveChangesAsync(cancellationToken);

        try
        {
            await sms.Send(mobile, t["Tongban sign-in code: {0}. Valid for 5 minutes. Never tell anyone this code, not even staff.", code], cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // A code nobody received must not count against her limits: she should be able to try again at once.
            logger.LogWarning(e, "The SMS gateway did not take a sign-in code.");
            db.SignInCodes.Remove(entry);
            await db.SaveChangesAsync(CancellationToken.None);
            return new(null, t["We could not send the text message just now. Please try again in a minute, or call 12345 for help."]);
        }

        return new(entry.Id, null);
    }
}
