namespace Tongban.Halls;

/// <summary>
/// An appointment at a hall's counter for one service. While booked it holds its counter from its start for its length:
/// bookings are made under the lock of the hall's day, which lets no two overlap, and a unique index on the hall, the
/// counter and the start among bookings not cancelled keeps even a slip from giving one start twice.
/// </summary>
public sealed class Booking
{
    public Guid Id { get; set; }

    /// <summary>What she shows or says at the hall: the same readable form as a case reference.</summary>
    public required string Reference { get; set; }

    public required string HallCode { get; set; }
    public required string CounterCode { get; set; }
    public required string ServiceCode { get; set; }
    public Guid ResidentId { get; set; }

    /// <summary>The slot's start, UTC.</summary>
    public DateTime StartsAt { get; set; }

    /// <summary>How long it holds the counter; null for bookings made before services had lengths of their own (one slot).</summary>
    public int? Minutes { get; set; }

    public DateTime EndsAt(int hallSlotMinutes) => StartsAt.AddMinutes(Minutes ?? hallSlotMinutes);

    public BookingStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? CancelledAt { get; set; }

    /// <summary>Why the hall cancelled it (an operator closed the hall or its counter that day); null when she did.</summary>
    public string? CancelledBecause { get; set; }

    /// <summary>Who booked it, when not she: a family member, a clerk, a 12345 agent (as her trail names them).</summary>
    public string? BookedBy { get; set; }
}

public enum BookingStatus
{
    Booked,
    Cancelled,

    /// <summary>She came and took her queue ticket.</summary>
    CheckedIn,

    /// <summary>Not checked in by <see cref="Queue.ReleaseNoShow.Grace"/> after its time: the slot went to walk-ins.</summary>
    NoShow,
}
