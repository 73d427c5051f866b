using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tongban.Cases.Log;

internal sealed class CaseActionConfiguration : IEntityTypeConfiguration<CaseAction>
{
    public void Configure(EntityTypeBuilder<CaseAction> builder)
    {
        builder.ToTable("CaseActions");
        // (case, sequence) is the key: two actions written as "the next after version N" cannot both land.
        builder.HasKey(a => new { a.CaseId, a.Sequence });
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(a => a.ActorKind).HasConversion<string>().HasMaxLength(12);
        builder.Property(a => a.ActorName).HasMaxLength(100);
        builder.Property(a => a.ActingUnder).HasMaxLength(200);
        builder.Property(a => a.Text).HasMaxLength(CaseActionInput.MaxTextLength);
        builder.Property(a => a.LegalBasis).HasMaxLength(CaseActionInput.MaxTextLength);
        builder.Property(a => a.AssignedToName).HasMaxLength(100);
        builder.HasOne<Case>().WithMany().HasForeignKey(a => a.CaseId);
    }
}
