using System.Security.Cryptography;
using System.Text;

namespace Tongban.Residents.SignIn;

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

    /// <summary>The requesting address, for the per-address rate limit.</summary>
    public string? RequestedFrom { get; set; }

    public static byte[] Hash(Guid id, string code) =>
        SHA256.HashData(Encoding.UTF8.GetBytes($"{id:N}:{code}"));

    public bool Matches(string code) =>
        CryptographicOperations.FixedTimeEquals(CodeHash, Hash(Id, code));
}
