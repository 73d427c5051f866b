using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongban.Residents.SignIn;

namespace Tongban.Residents;

internal sealed class ResidentConfiguration : IEntityTypeConfiguration<Resident>
{
    public void Configure(EntityTypeBuilder<Resident> builder)
    {
        builder.ToTable("Residents");
        builder.Property(r => r.MobileNumber).HasMaxLength(20);
        builder.HasIndex(r => r.MobileNumber).IsUnique();
        builder.Property(r => r.FullName).HasMaxLength(Resident.MaxNameLength);
        builder.Property(r => r.IdNumber).HasMaxLength(18);
        builder.HasIndex(r => r.IdNumber).IsUnique();
        builder.Property(r => r.IdNumberProof).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.ClaimedIdNumber).HasMaxLength(18);
        builder.Property(r => r.UnconfirmedMobileNumber).HasMaxLength(20);
        builder.Ignore(r => r.OwnIdNumber);
        builder.Property(r => r.DistrictCode).HasMaxLength(64);
        builder.Property(r => r.PreferredLanguage).HasMaxLength(8);
        builder.Property(r => r.ContactChannel).HasConversion<string>().HasMaxLength(12);
        builder.Property(r => r.PostalAddress).HasMaxLength(Resident.MaxAddressLength);
        builder.Property(r => r.Email).HasMaxLength(Resident.MaxEmailLength);
        builder.Property(r => r.SecurityStamp).HasMaxLength(32);
    }
}

internal sealed class SignInCodeConfiguration : IEntityTypeConfiguration<SignInCode>
{
    public void Configure(EntityTypeBuilder<SignInCode> builder)
    {
        builder.ToTable("SignInCodes");
        builder.Property(c => c.MobileNumber).HasMaxLength(20);
        builder.Property(c => c.CodeHash).HasMaxLength(32);
        builder.Property(c => c.RequestedFrom).HasMaxLength(64);
        // Rate limits count recent codes per number and per address.
        builder.HasIndex(c => new { c.MobileNumber, c.CreatedAt });
        builder.HasIndex(c => new { c.RequestedFrom, c.CreatedAt });
    }
}
