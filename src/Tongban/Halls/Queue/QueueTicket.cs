namespace Tongban.Halls.Queue;

/// <summary>
/// A queue ticket at a hall for one day: taken at check-in for a booking, or at the door for a walk-in. Its number is
/// the hall's for the day and never given twice (a unique index); the letter says which queue it is in: G for the green
/// channel (绿色通道), B for an appointment, W for a walk-in.
/// </summary>
public sealed class QueueTicket
{
    public Guid Id { get; set; }
    public required string HallCode { get; set; }

    /// <summary>The day in the city, on which the number counts.</summary>
    public DateOnly Day { get; set; }

    public int Number { get; set; }
    public required string ServiceCode { get; set; }

    /// <summary>Who it is for, when known (a booking, or a walk-in the clerk found by her ID card); null for someone who gave no name.</summary>
    public Guid? ResidentId { get; set; }

    /// <summary>The appointment checked in; unique, so that a booking gives one ticket however often it is checked in.</summary>
    public Guid? BookingId { get; set; }

    /// <summary>The appointment's time, for a booked ticket: it is called from then, not before.</summary>
    public DateTime? DueAt { get; set; }

    /// <summary>绿色通道: an elder (60 or over, from her proven ID number or as the clerk saw), a person with a disability, a pregnant woman.</summary>
    public bool Green { get; set; }

    public DateTime IssuedAt { get; set; }
    public DateTime? CalledAt { get; set; }
    public string? CalledTo { get; set; }
    public DateTime? ServedAt { get; set; }

    /// <summary>Called and not there: the clerk released the ticket.</summary>
    public DateTime? MissedAt { get; set; }

    public string Label => $"{(Green ? 'G' : BookingId is null ? 'W' : 'B')}{Number:D3}";

    /// <summary>How long she waited: from taking the ticket (or from her appointment's time, if she came early) until called; none when called before her time.</summary>
    public TimeSpan? Wait => CalledAt is { } called ? TimeSpan.FromTicks(Math.Max(0, (called - (DueAt is { } due && due > IssuedAt ? due : IssuedAt)).Ticks)) : null;
}
