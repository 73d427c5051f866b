using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tongban.Residents.Delegations;

internal sealed class DelegationConfiguration : IEntityTypeConfiguration<Delegation>
{
    public void Configure(EntityTypeBuilder<Delegation> builder)
    {
        builder.ToTable("Delegations");
        builder.Property(d => d.ProxyMobile).HasMaxLength(20);
        builder.Property(d => d.ProxyIdNumber).HasMaxLength(18);
        builder.Property(d => d.ProxyName).HasMaxLength(Delegation.MaxProxyNameLength);
        builder.HasIndex(d => d.GrantorId);
        builder.HasIndex(d => d.ProxyId);
        builder.HasIndex(d => d.ProxyMobile);
        builder.HasIndex(d => d.ProxyIdNumber);
        builder.HasOne<Resident>().WithMany().HasForeignKey(d => d.GrantorId);
        builder.HasOne<Resident>().WithMany().HasForeignKey(d => d.ProxyId);
    }
}
