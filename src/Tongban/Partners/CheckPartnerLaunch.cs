using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tongban.Platform.Localization;
using Tongban.Platform.Web;

namespace Tongban.Partners;

public sealed record PartnerLaunchChecked(string? Partner, string ReturnUrl, string? Error);

/// <summary>
/// Checks a link by which a partner app opens one of the city's pages for its user: signed by the
/// partner (HMAC-SHA256 of code, time and page with its launch secret) and made in the last few minutes,
/// so that nobody else can make visits count as the partner's.
/// </summary>
public sealed class CheckPartnerLaunch(IOptions<PartnerOptions> options, TimeProvider clock, IStringLocalizer<SharedResource> t)
{
    /// <summary>How old a link may be, either way (the partner's clock may be a little off).</summary>
    public static readonly TimeSpan Validity = TimeSpan.FromMinutes(5);

    public PartnerLaunchChecked Handle(string? code, string? returnUrl, long? at, string? signature)
    {
        var page = SafeReturnUrl.Of(returnUrl);
        if (string.IsNullOrWhiteSpace(code) || !options.Value.Apps.TryGetValue(code, out var partner) || partner.LaunchSecret.Length < 32)
        {
            return new(null, page, t["This link does not come from one of the city's partner apps."]);
        }

        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        if (at is not { } made || Math.Abs(now - made) > Validity.TotalSeconds)
        {
            return new(null, page, t["This link has expired. Open the service again from the app."]);
        }

        var expected = Encoding.ASCII.GetBytes(Signature(partner.LaunchSecret, code, made, returnUrl ?? ""));
        var given = Encoding.ASCII.GetBytes((signature ?? "").ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, given)
            ? new(code, page, null)
            : new(null, page, t["This link could not be checked. Open the service again from the app."]);
    }

    /// <summary>What the partner computes: lower-case hex of HMAC-SHA256(secret, "{code}\n{unix seconds}\n{page}").</summary>
    public static string Signature(string secret, string code, long at, string page) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{code}\n{at}\n{page}"))));
}
