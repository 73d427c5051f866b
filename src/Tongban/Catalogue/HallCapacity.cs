namespace Tongban.Catalogue;

/// <summary>
/// How a hall takes appointments (catalogue data): the length of a slot (the step at which appointments start), how long
/// a service that needs more takes (a whole number of slots), the opening periods of each day of the week, and its
/// counters, each for the services it handles and of a kind: bookable, kept for walk-ins, or the green channel
/// (绿色通道, for elders, people with a disability and pregnant women). A public holiday closes the hall; a make-up
/// working day (调休) on a weekend opens it as a Monday.
/// </summary>
public sealed record HallCapacity
{
    public int SlotMinutes { get; init; }

    /// <summary>Services whose appointment takes longer than one slot, in minutes; the others take one slot.</summary>
    public Dictionary<string, int> ServiceMinutes { get; init; } = [];

    public Dictionary<DayOfWeek, List<OpenPeriod>> Hours { get; init; } = [];
    public List<HallCounter> Counters { get; init; } = [];

    public int MinutesOf(string serviceCode) => ServiceMinutes.GetValueOrDefault(serviceCode, SlotMinutes);

    public IEnumerable<HallCounter> BookableFor(string serviceCode) =>
        Counters.Where(c => c.Kind == CounterKind.Booking && c.Services.Contains(serviceCode, StringComparer.Ordinal));

    /// <summary>The services she can book at this hall, in the order the counters name them.</summary>
    public IEnumerable<string> BookableServices => Counters.Where(c => c.Kind == CounterKind.Booking).SelectMany(c => c.Services).Distinct(StringComparer.Ordinal);
}

public sealed record OpenPeriod(TimeOnly From, TimeOnly To);

public sealed record HallCounter(string Code, CounterKind Kind, List<string> Services);

public enum CounterKind
{
    /// <summary>Its slots are booked ahead.</summary>
    Booking,

    /// <summary>Kept for people who come without an appointment.</summary>
    WalkIn,

    /// <summary>绿色通道: served first, for elders, people with a disability and pregnant women.</summary>
    GreenChannel,
}
