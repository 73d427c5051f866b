using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongban.Partners;
using Tongban.Residents;

namespace Tongban.Cases;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.ToTable("Cases");
        builder.Property(c => c.Reference).HasMaxLength(9);
        builder.HasIndex(c => c.Reference).IsUnique();
        builder.Property(c => c.ServiceCode).HasMaxLength(64);
        builder.Property(c => c.PartnerCode).HasMaxLength(PartnerOptions.CodeMaxLength);
        builder.Property(c => c.ActorKind).HasConversion<string>().HasMaxLength(12);
        builder.Property(c => c.ActorName).HasMaxLength(100);
        builder.Property(c => c.ActingUnder).HasMaxLength(200);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Property(c => c.AssignedToName).HasMaxLength(100);
        builder.Property(c => c.FormVersion).HasMaxLength(16);
        builder.ComplexCollection(c => c.RuleOutcomes, o => o.ToJson());
        // The idempotency of submitting: a draft makes at most one case per service, whatever the clicks.
        builder.HasIndex(c => new { c.DraftId, c.ServiceCode }).IsUnique();
        builder.HasIndex(c => c.ResidentId);
        // Department queues: a department's services, soonest deadline first; one service's queue uses the
        // first index, the whole department's walks the second in the queue's order (keyset paging).
        builder.HasIndex(c => new { c.ServiceCode, c.DueOn });
        builder.HasIndex(c => new { c.DueOn, c.SubmittedAt, c.Reference });
        // The head's overview reads the open cases only, a small part of all once the years add up.
        builder.HasIndex(c => new { c.Status, c.ServiceCode });
        builder.HasOne<Resident>().WithMany().HasForeignKey(c => c.ResidentId);
    }
}
