using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tongban.Certificates;

/// <summary>
/// An e-certificate the city issued when it approved her case: the signed credential she holds (a W3C Verifiable
/// Credential as <c>application/vc+jwt</c>), its places in the status lists and in the transparency log, and whether it
/// has been revoked or suspended.
/// </summary>
public sealed class Certificate
{
    public Guid Id { get; set; }

    /// <summary>What it is printed and looked up by: "ZZ-" and a readable code.</summary>
    public required string Number { get; set; }

    /// <summary>The kind: the code of the service that issued it.</summary>
    public required string Kind { get; set; }

    public Guid CaseId { get; set; }
    public Guid ResidentId { get; set; }
    public DateTime IssuedAt { get; set; }
    public DateTime? ValidUntil { get; set; }

    /// <summary>Its bit in both status lists (revocation and suspension), drawn at random so a list reveals no order of issue.</summary>
    public int StatusIndex { get; set; }

    public required string KeyId { get; set; }

    /// <summary>The credential as she holds it: the compact JWS.</summary>
    public required string Jwt { get; set; }

    public DateTime? RevokedAt { get; set; }
    public DateTime? SuspendedAt { get; set; }
    public string? StatusReason { get; set; }

    /// <summary>Its issuance's leaf in the transparency log.</summary>
    public long LogIndex { get; set; }

    /// <summary>The credential as signed: the JWS payload, read back (it was checked when it was issued).</summary>
    public System.Text.Json.Nodes.JsonObject Credential() =>
        System.Text.Json.Nodes.JsonNode.Parse(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(Jwt.Split('.')[1]))!.AsObject();
}

internal sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> builder)
    {
        builder.ToTable("Certificates");
        builder.Property(c => c.Number).HasMaxLength(32);
        builder.HasIndex(c => c.Number).IsUnique();
        builder.Property(c => c.Kind).HasMaxLength(64);
        builder.HasIndex(c => c.CaseId).IsUnique();
        builder.HasIndex(c => c.ResidentId);
        builder.HasIndex(c => c.StatusIndex).IsUnique();
        builder.Property(c => c.KeyId).HasMaxLength(32);
        builder.Property(c => c.Jwt).HasMaxLength(16_000);
        builder.Property(c => c.StatusReason).HasMaxLength(300);
    }
}
