using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tongban.Platform.Jobs;

internal sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> builder)
    {
        builder.Property(j => j.Kind).HasMaxLength(40);
        builder.Property(j => j.Subject).HasMaxLength(80);
        builder.Property(j => j.LockedBy).HasMaxLength(80);
        builder.Property(j => j.LastError).HasMaxLength(500);
        builder.HasIndex(j => new { j.Kind, j.Subject }).IsUnique();
        // What the runner asks every few seconds: work that is due and not done.
        builder.HasIndex(j => new { j.DoneAt, j.RunAt });
    }
}
