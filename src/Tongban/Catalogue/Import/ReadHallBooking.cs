using System.Globalization;

namespace Tongban.Catalogue.Import;

/// <summary>
/// A hall's <c>booking</c> section read into its <see cref="HallCapacity"/>, with what is wrong in it: the slot length
/// (5 to 120 minutes), the longer lengths of some services (whole slots up to <see cref="MaxServiceMinutes"/>, of
/// services booked here), each weekday's periods ("09:00-12:00", in order, not overlapping), and counters with unique codes,
/// a known kind and services that the catalogue offers at this hall's counters.
/// </summary>
public static class ReadHallBooking
{
    public const int MinSlotMinutes = 5;
    public const int MaxSlotMinutes = 120;
    public const int MaxServiceMinutes = 240;

    public static HallCapacity? Read(BookingDto? booking, string file, string item, Func<string, bool> offeredHere, List<CatalogueError> errors)
    {
        ArgumentNullException.ThrowIfNull(offeredHere);
        ArgumentNullException.ThrowIfNull(errors);
        if (booking is null)
        {
            return null;
        }

        var count = errors.Count;
        if (booking.SlotMinutes is not (>= MinSlotMinutes and <= MaxSlotMinutes))
        {
            errors.Add(new(file, item, "booking.slotMinutes", $"must be a whole number of minutes from {MinSlotMinutes} to {MaxSlotMinutes}"));
        }

        var hours = new Dictionary<DayOfWeek, List<OpenPeriod>>();
        foreach (var (day, periods) in booking.Hours ?? [])
        {
            if (!Enum.TryParse<DayOfWeek>(day, ignoreCase: true, out var weekday) || int.TryParse(day, out _))
            {
                errors.Add(new(file, item, $"booking.hours.{day}", "must be a day of the week, monday to sunday"));
                continue;
            }

            var read = (periods ?? []).Select(Period).ToList();
            if (read.Any(p => p is null) || read.Zip(read.Skip(1)).Any(pair => pair.First!.To > pair.Second!.From))
            {
                errors.Add(new(file, item, $"booking.hours.{day}", "must list periods like \"09:00-12:00\", each ending after it starts, in order and not overlapping"));
                continue;
            }

            hours[weekday] = read!;
        }

        var counters = new List<HallCounter>();
        foreach (var (c, i) in (booking.Counters ?? []).Select((c, i) => (c, i)))
        {
            var field = $"booking.counters[{i}]";
            if (string.IsNullOrWhiteSpace(c.Code) || counters.Any(o => o.Code == c.Code))
            {
                errors.Add(new(file, item, $"{field}.code", "must be given and unique in the hall"));
            }

            if (!Enum.TryParse<CounterKind>(c.Kind, ignoreCase: true, out var kind) || int.TryParse(c.Kind, out _))
            {
                errors.Add(new(file, item, $"{field}.kind", "must be booking, walkIn or greenChannel"));
            }

            if (c.Services is not { Count: > 0 } || c.Services.Any(s => !offeredHere(s)))
            {
                errors.Add(new(file, item, $"{field}.services", "must name services the catalogue offers at this hall's counters"));
            }

            counters.Add(new(c.Code ?? "", kind, c.Services ?? []));
        }

        if (!counters.Any(c => c.Kind == CounterKind.Booking))
        {
            errors.Add(new(file, item, "booking.counters", "must include at least one booking counter"));
        }

        var booked = counters.Where(c => c.Kind == CounterKind.Booking).SelectMany(c => c.Services).ToHashSet(StringComparer.Ordinal);
        foreach (var (service, minutes) in booking.ServiceMinutes ?? [])
        {
            if (!booked.Contains(service))
            {
                errors.Add(new(file, item, $"booking.serviceMinutes.{service}", "must name a service one of this hall's booking counters handles"));
            }
            else if (booking.SlotMinutes is { } slot && (minutes <= slot || minutes > MaxServiceMinutes || minutes % slot != 0))
            {
                errors.Add(new(file, item, $"booking.serviceMinutes.{service}", $"must be two or more whole slots of {slot} minutes, at most {MaxServiceMinutes} minutes"));
            }
        }

        return errors.Count > count ? null : new HallCapacity
        {
            SlotMinutes = booking.SlotMinutes!.Value,
            ServiceMinutes = booking.ServiceMinutes ?? [],
            Hours = hours,
            Counters = counters,
        };
    }

    private static OpenPeriod? Period(string? text)
    {
        var parts = (text ?? "").Split('-');
        return parts.Length == 2
            && TimeOnly.TryParseExact(parts[0].Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            && TimeOnly.TryParseExact(parts[1].Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to)
            && from < to
            ? new OpenPeriod(from, to)
            : null;
    }
}
