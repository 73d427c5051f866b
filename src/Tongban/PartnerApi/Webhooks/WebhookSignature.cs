using System.Security.Cryptography;
using System.Text;

namespace Tongban.PartnerApi.Webhooks;

/// <summary>
/// Standard Webhooks signing (standardwebhooks.com, v1): HMAC-SHA256 over <c>{webhook-id}.{webhook-timestamp}.{body}</c>
/// with the secret's bytes, sent as <c>v1,{base64}</c>; several signatures are separated by spaces. A partner checks it
/// with any Standard Webhooks library, and refuses a timestamp far from its clock, so a captured message cannot be replayed
/// against it later.
/// </summary>
public static class WebhookSignature
{
    public const string SecretPrefix = "whsec_";

    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));

    /// <summary>The <c>webhook-signature</c> header: one signature for each secret given.</summary>
    public static string Header(string messageId, long timestamp, string body, params IEnumerable<string> secrets)
    {
        var content = Encoding.UTF8.GetBytes($"{messageId}.{timestamp}.{body}");
        return string.Join(' ', secrets.Select(secret => "v1," + Convert.ToBase64String(HMACSHA256.HashData(Key(secret), content))));
    }

    private static byte[] Key(string secret) => Convert.FromBase64String(secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret);
}
