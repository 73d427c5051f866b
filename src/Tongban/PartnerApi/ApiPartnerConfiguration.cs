using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

using Tongban.Partners;

namespace Tongban.PartnerApi;

public sealed class ApiPartnerConfiguration : IEntityTypeConfiguration<ApiPartner>
{
    public void Configure(EntityTypeBuilder<ApiPartner> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(p => p.ClientId);
        builder.Property(p => p.ClientId).HasMaxLength(PartnerOptions.CodeMaxLength);
        builder.Property(p => p.NameZhCn).HasMaxLength(100);
        builder.Property(p => p.NameEn).HasMaxLength(100);
        builder.Property(p => p.Contact).HasMaxLength(200);
    }
}
