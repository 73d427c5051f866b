using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongban.Partners;

namespace Tongban.PartnerApi;

/// <summary>
/// How many API requests a partner made in one minute, counted in the database so that the limit holds however many
/// nodes serve it. A fixed window: a partner may burst up to twice its limit across a minute's edge, which the limit
/// (set by the operator with that in mind) tolerates, in exchange for one row and one conditional update a request.
/// </summary>
public sealed class PartnerRequestWindow
{
    public required string ClientId { get; set; }

    /// <summary>Whole minutes since the Unix epoch (UTC).</summary>
    public long Minute { get; set; }

    public int Count { get; set; }
}

public sealed class PartnerRequestWindowConfiguration : IEntityTypeConfiguration<PartnerRequestWindow>
{
    public void Configure(EntityTypeBuilder<PartnerRequestWindow> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("PartnerRequestWindows");
        builder.HasKey(w => new { w.ClientId, w.Minute });
        builder.Property(w => w.ClientId).HasMaxLength(PartnerOptions.CodeMaxLength);
    }
}
