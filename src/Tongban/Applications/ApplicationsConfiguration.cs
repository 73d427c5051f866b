using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongban.Residents;

namespace Tongban.Applications;

internal sealed class DraftConfiguration : IEntityTypeConfiguration<Draft>
{
    public void Configure(EntityTypeBuilder<Draft> builder)
    {
        builder.ToTable("Drafts");
        builder.Property(d => d.FormKey).HasMaxLength(100);
        builder.Property(d => d.Revision).IsConcurrencyToken();
        // One open draft per resident and form; submitted ones stay as the record of what was sent.
        builder.HasIndex(d => new { d.ResidentId, d.FormKey }).IsUnique().HasFilter("\"SubmittedAt\" IS NULL");
        // The daily count of abandoned drafts reads only the open drafts not yet counted.
        builder.HasIndex(d => d.UpdatedAt).HasFilter("\"SubmittedAt\" IS NULL AND \"AbandonedAt\" IS NULL");
        builder.HasOne<Resident>().WithMany().HasForeignKey(d => d.ResidentId);
    }
}

internal sealed class FormEventConfiguration : IEntityTypeConfiguration<FormEvent>
{
    public void Configure(EntityTypeBuilder<FormEvent> builder)
    {
        builder.ToTable("FormEvents");
        builder.Property(e => e.FormKey).HasMaxLength(100);
        builder.Property(e => e.Page).HasMaxLength(100);
        builder.Property(e => e.Step).HasConversion<string>().HasMaxLength(12);
        builder.Property(e => e.AgeBand).HasMaxLength(8);
        builder.Property(e => e.District).HasMaxLength(64);
        builder.Property(e => e.Language).HasMaxLength(8);
        builder.Property(e => e.Needs).HasMaxLength(100);
        builder.HasIndex(e => new { e.FormKey, e.At });
    }
}
