using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tongban.Halls.Closures;

/// <summary>
/// A hall, or one of its counters, closed for a day by an operator (a typhoon warning, a power cut, a counter short of
/// staff), with the reason the people booked are told. Once per hall, counter and day (a unique index).
/// </summary>
public sealed class HallClosure
{
    public const int MaxReasonLength = 300;

    public Guid Id { get; set; }
    public required string HallCode { get; set; }

    /// <summary>The counter closed; empty when the whole hall is.</summary>
    public required string CounterCode { get; set; }

    public DateOnly Day { get; set; }
    public required string Reason { get; set; }
    public required string ClosedBy { get; set; }
    public DateTime ClosedAt { get; set; }

    /// <summary>Appointments moved to another counter at the same time, and those cancelled (she was told each).</summary>
    public int Moved { get; set; }

    public int Cancelled { get; set; }

    public bool WholeHall => CounterCode.Length == 0;
}

internal sealed class HallClosureConfiguration : IEntityTypeConfiguration<HallClosure>
{
    public void Configure(EntityTypeBuilder<HallClosure> builder)
    {
        builder.ToTable("HallClosures");
        builder.Property(c => c.HallCode).HasMaxLength(64);
        builder.Property(c => c.CounterCode).HasMaxLength(16);
        builder.Property(c => c.Reason).HasMaxLength(HallClosure.MaxReasonLength);
        builder.Property(c => c.ClosedBy).HasMaxLength(100);
        builder.HasIndex(c => new { c.HallCode, c.Day, c.CounterCode }).IsUnique();
    }
}
