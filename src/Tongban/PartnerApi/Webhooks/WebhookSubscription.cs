using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongban.Partners;

namespace Tongban.PartnerApi.Webhooks;

/// <summary>
/// Where a partner wants to hear of changes to the cases it sent (one address a partner), and the secret its deliveries
/// are signed with (Standard Webhooks). The secret is kept as it is, not hashed, because signing needs it; after a
/// rotation the previous one also signs for a day, so the partner can switch without losing a delivery.
/// </summary>
public sealed class WebhookSubscription
{
    public required string ClientId { get; set; }
    public required string Url { get; set; }

    /// <summary><c>whsec_</c> and the base64 of 24 random bytes.</summary>
    public required string Secret { get; set; }

    public string? PreviousSecret { get; set; }
    public DateTime? PreviousSecretUntil { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ChangedAt { get; set; }
}

public sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("WebhookSubscriptions");
        builder.HasKey(s => s.ClientId);
        builder.Property(s => s.ClientId).HasMaxLength(PartnerOptions.CodeMaxLength);
        builder.Property(s => s.Url).HasMaxLength(WebhookAddress.MaxLength);
        builder.Property(s => s.Secret).HasMaxLength(64);
        builder.Property(s => s.PreviousSecret).HasMaxLength(64);
    }
}
