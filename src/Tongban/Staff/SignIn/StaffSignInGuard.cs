using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tongban.Staff.SignIn;

/// <summary>
/// Wrong tries for one username, whether or not an account has it: an unknown name is locked exactly like a known
/// one, so that the lockout does not tell anyone which accounts exist.
/// </summary>
public sealed class StaffSignInGuard
{
    public const int MaxUserNameLength = 64;

    public required string UserName { get; set; }

    /// <summary>Tries being judged or judged wrong since the last success or lock; taken before a try is judged.</summary>
    public int Tries { get; set; }

    /// <summary>Tries judged wrong since the last success or lock; the fifth locks the name.</summary>
    public int Failures { get; set; }

    public DateTime? LockedUntil { get; set; }
}

internal sealed class StaffSignInGuardConfiguration : IEntityTypeConfiguration<StaffSignInGuard>
{
    public void Configure(EntityTypeBuilder<StaffSignInGuard> builder)
    {
        builder.ToTable("StaffSignInGuards");
        builder.HasKey(g => g.UserName);
        builder.Property(g => g.UserName).HasMaxLength(StaffSignInGuard.MaxUserNameLength);
    }
}
