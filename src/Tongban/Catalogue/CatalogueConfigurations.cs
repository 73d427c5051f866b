using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tongban.Catalogue;

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.ToTable("Departments");
        builder.HasIndex(d => d.Code).IsUnique();
        builder.Property(d => d.Code).HasMaxLength(64);
        builder.ComplexProperty(d => d.Name);
        builder.Property(d => d.Phone).HasMaxLength(32);
    }
}

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.ToTable("Categories");
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Property(c => c.Code).HasMaxLength(64);
        builder.ComplexProperty(c => c.Name);
    }
}

internal sealed class DistrictConfiguration : IEntityTypeConfiguration<District>
{
    public void Configure(EntityTypeBuilder<District> builder)
    {
        builder.ToTable("Districts");
        builder.HasIndex(d => d.Code).IsUnique();
        builder.Property(d => d.Code).HasMaxLength(64);
        builder.ComplexProperty(d => d.Name);
    }
}

internal sealed class ServiceHallConfiguration : IEntityTypeConfiguration<ServiceHall>
{
    public void Configure(EntityTypeBuilder<ServiceHall> builder)
    {
        builder.ToTable("ServiceHalls");
        builder.HasIndex(h => h.Code).IsUnique();
        builder.Property(h => h.Code).HasMaxLength(64);
        builder.Property(h => h.Phone).HasMaxLength(32);
        builder.ComplexProperty(h => h.Name);
        builder.ComplexProperty(h => h.Address);
        builder.ComplexProperty(h => h.OpeningHours);

        // Read and written whole with the hall, never queried inside: JSON text, compared by its text.
        builder.Property(h => h.Capacity).HasConversion(
            c => c == null ? null : JsonSerializer.Serialize(c, (JsonSerializerOptions?)null),
            s => s == null ? null : JsonSerializer.Deserialize<HallCapacity>(s, (JsonSerializerOptions?)null),
            new ValueComparer<HallCapacity?>(
                (a, b) => JsonSerializer.Serialize(a, (JsonSerializerOptions?)null) == JsonSerializer.Serialize(b, (JsonSerializerOptions?)null),
                c => JsonSerializer.Serialize(c, (JsonSerializerOptions?)null).GetHashCode(StringComparison.Ordinal),
                c => c == null ? null : JsonSerializer.Deserialize<HallCapacity>(JsonSerializer.Serialize(c, (JsonSerializerOptions?)null), (JsonSerializerOptions?)null)));
        builder.HasOne(h => h.District).WithMany(d => d.Halls).HasForeignKey(h => h.DistrictId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ServiceConfiguration : IEntityTypeConfiguration<Service>
{
    public void Configure(EntityTypeBuilder<Service> builder)
    {
        builder.ToTable("Services");
        builder.HasIndex(s => s.Code).IsUnique();
        builder.Property(s => s.Code).HasMaxLength(64);
        builder.ComplexProperty(s => s.Name);
        builder.ComplexProperty(s => s.Summary);
        builder.ComplexProperty(s => s.Audience);
        builder.ComplexProperty(s => s.Eligibility);
        builder.ComplexProperty(s => s.Fee);
        builder.ComplexProperty(s => s.Rectification);
        builder.Property(s => s.Reapply).HasConversion<string>().HasMaxLength(16);
        // Materials and channels are read with their service and never queried alone: one JSON column each.
        builder.ComplexCollection(s => s.Materials, m =>
        {
            m.ToJson();
            m.ComplexProperty(x => x.Name);
        });
        builder.ComplexCollection(s => s.Channels, c =>
        {
            c.ToJson();
            c.Property(x => x.Channel).HasConversion<string>();
            c.ComplexProperty(x => x.Note);
        });
        // Catalogue items are retired, never deleted from under the services and cases that name them.
        builder.HasOne(s => s.Department).WithMany(d => d.Services).HasForeignKey(s => s.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Category).WithMany().HasForeignKey(s => s.CategoryId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LifeEventConfiguration : IEntityTypeConfiguration<LifeEvent>
{
    public void Configure(EntityTypeBuilder<LifeEvent> builder)
    {
        builder.ToTable("LifeEvents");
        builder.HasIndex(e => e.Code).IsUnique();
        builder.Property(e => e.Code).HasMaxLength(64);
        builder.ComplexProperty(e => e.Name);
        builder.ComplexProperty(e => e.Summary);
    }
}
