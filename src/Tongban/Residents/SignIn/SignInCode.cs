using System.Security.Cryptography;
using System.Text;

namespace Tongban.Residents.SignIn;

/// <summary>What a code sent by SMS is for: a code for one purpose is never accepted for the other.</summary>
public enum CodePurpose
{
    /// <summary>She signs in with it herself; she must never tell it to anyone.</summary>
    SignIn,

    /// <summary>She reads it out to the clerk or agent helping her, proving she holds the number (docs/adr/0016).</summary>
    ConfirmNumber,
}

/// <summary>
/// A one-time sign-in code sent by SMS: 6 digits, valid 5 minutes, at most 5 tries, used once.
/// Only a hash of the code is stored.
/// </summary>
public sealed class SignInCode
{
    public const int Digits = 6;
    public const int MaxAttempts = 5;
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public Guid Id { get; set; }
    public required string MobileNumber { get; set; }
    public required byte[] CodeHash { get; set; }
    // UTC DateTime rather than DateTimeOffset: SQLite can compare these in queries, which the rate limits need.
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public int Attempts { get; set; }
    public DateTime? UsedAt { get; set; }

    public CodePurpose Purpose { get; set; }

    /// <summary>The requesting address, for the per-address rate limit ("staff:{id}" for a clerk's confirmation code).</summary>
    public string? RequestedFrom { get; set; }

    public static byte[] Hash(Guid id, string code) =>
        SHA256.HashData(Encoding.UTF8.GetBytes($"{id:N}:{code}"));

    public bool Matches(string code) =>
        CryptographicOperations.FixedTimeEquals(CodeHash, Hash(Id, code));
}
