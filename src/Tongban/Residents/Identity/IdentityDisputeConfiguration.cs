using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tongban.Residents.Identity;

internal sealed class IdentityDisputeConfiguration : IEntityTypeConfiguration<IdentityDispute>
{
    public void Configure(EntityTypeBuilder<IdentityDispute> builder)
    {
        builder.ToTable("IdentityDisputes");
        builder.Property(d => d.IdNumber).HasMaxLength(18);
        builder.Property(d => d.ClaimantProof).HasConversion<string>().HasMaxLength(16);
        // One open dispute per number and claimant, however often she tries again.
        builder.HasIndex(d => new { d.IdNumber, d.ClaimantId, d.ResolvedAt });
        builder.HasIndex(d => d.ResolvedAt);
    }
}
