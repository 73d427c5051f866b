using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tongban.Residents.Certificates;

internal sealed class ECertificateConfiguration : IEntityTypeConfiguration<ECertificate>
{
    public void Configure(EntityTypeBuilder<ECertificate> builder)
    {
        builder.ToTable("ECertificates");
        builder.Property(c => c.Kind).HasMaxLength(40);
        builder.Property(c => c.HolderIdNumber).HasMaxLength(18);
        builder.Property(c => c.Number).HasMaxLength(40);
        builder.Property(c => c.IssuedBy).HasMaxLength(100);
        builder.HasIndex(c => new { c.Kind, c.Number }).IsUnique();
        builder.HasIndex(c => new { c.HolderIdNumber, c.Kind });
    }
}
