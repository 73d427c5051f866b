using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongban.Partners;

namespace Tongban.PartnerApi.Webhooks;

public enum WebhookDeliveryStatus
{
    /// <summary>Not yet received by the partner: a job will (try to) send it.</summary>
    Pending,

    /// <summary>The partner's address answered 2xx.</summary>
    Delivered,

    /// <summary>Every attempt of <see cref="WebhookRetry.Schedule"/> failed, or the partner no longer subscribes; it may replay it.</summary>
    GaveUp,
}

/// <summary>
/// One message to a partner about one action on a case it sent: written with the action, in the same unit of work, so
/// none is lost; its body is fixed then, so every attempt and every replay sends the same bytes under the same id.
/// </summary>
public sealed class WebhookDelivery
{
    public Guid Id { get; set; }
    public required string ClientId { get; set; }
    public Guid CaseId { get; set; }

    /// <summary>The action's place in the case's log: one message per action, never two.</summary>
    public int Sequence { get; set; }

    public required string Type { get; set; }

    /// <summary>The JSON body, exactly as signed and sent.</summary>
    public required string Payload { get; set; }

    public DateTime CreatedAt { get; set; }
    public WebhookDeliveryStatus Status { get; set; }

    /// <summary>Attempts since it was written or last replayed.</summary>
    public int Attempts { get; set; }

    public DateTime? LastAttemptAt { get; set; }

    /// <summary>What the last attempt met: "HTTP 200", "HTTP 503", "no answer within 10 s", "could not connect".</summary>
    public string? LastResult { get; set; }

    public DateTime? DeliveredAt { get; set; }
    public int Replays { get; set; }

    /// <summary>The Standard Webhooks message id (<c>webhook-id</c>), by which the partner recognises a message it already has.</summary>
    public string MessageId => "msg_" + Id.ToString("N");

    /// <summary>What the message says, read back from its body.</summary>
    public WebhookEvent Event => System.Text.Json.JsonSerializer.Deserialize<WebhookEvent>(Payload, System.Text.Json.JsonSerializerOptions.Web)!;
}

public sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("WebhookDeliveries");
        builder.Property(d => d.ClientId).HasMaxLength(PartnerOptions.CodeMaxLength);
        builder.Property(d => d.Type).HasMaxLength(40);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.LastResult).HasMaxLength(200);
        builder.HasIndex(d => new { d.CaseId, d.Sequence, d.ClientId }).IsUnique();
        builder.HasIndex(d => new { d.ClientId, d.CreatedAt });
    }
}
