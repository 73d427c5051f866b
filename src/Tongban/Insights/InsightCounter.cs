using System.Globalization;

namespace Tongban.Insights;

/// <summary>
/// Adds up residents, cases and online forms into <see cref="InsightCell"/>s for every group of every dimension and
/// every pair of dimensions, for the last twelve months and each of them. One pass over the records, in memory: a
/// group is a small index, a cell a few integers, so a million cases are counted in seconds.
/// </summary>
public sealed class InsightCounter
{
    public const string TwelveMonths = "12m";

    /// <summary>The grouping of a department's cells by form page ("services/x|applicant.address"): where people give up.</summary>
    public const string PageDimension = "page";
    private const int ChannelIndex = 6;

    private static readonly Dimension[] Dimensions = [.. Dimension.All];
    private static readonly (int First, int Second)[] Tables =
        [.. Enumerable.Range(0, Dimensions.Length).Select(i => (i, -1)), .. Dimension.Pairs().Select(p => (Array.IndexOf(Dimensions, p.First), Array.IndexOf(Dimensions, p.Second)))];

    private readonly DateOnly _today;
    private readonly string[] _months;
    private readonly Dictionary<int, InsightCell>[] _cells;
    private readonly Dictionary<(string Department, string? Service, int Key), InsightCell> _departments = [];
    private readonly Dictionary<(string Department, string Form), int> _formStarts = [];
    private readonly Dictionary<(string Department, string Form, string Page), int> _abandoned = [];
    private readonly HashSet<Guid>[] _applicants;
    private readonly Dictionary<int, int> _residents = [];

    /// <param name="today">The day of counting, in city time: the twelve months end with it.</param>
    public InsightCounter(DateOnly today)
    {
        _today = today;
        _months = [.. Enumerable.Range(0, 12).Select(i => today.AddMonths(-i).ToString("yyyy-MM", CultureInfo.InvariantCulture))];
        _cells = [.. Enumerable.Range(0, 13).Select(_ => new Dictionary<int, InsightCell>())];
        _applicants = [.. Enumerable.Range(0, 13).Select(_ => new HashSet<Guid>())];
    }

    /// <summary>The group indices of a resident's codes (see <see cref="ResidentGroups.Of"/>), with room for the channel.</summary>
    public static byte[] Indices(string[] codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var indices = new byte[Dimensions.Length];
        for (var d = 0; d < codes.Length; d++)
        {
            indices[d] = IndexOf(d, codes[d]);
        }

        return indices;
    }

    public void AddResident(byte[] groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        foreach (var key in Keys(groups, people: true))
        {
            _residents[key] = _residents.GetValueOrDefault(key) + 1;
        }
    }

    /// <summary>
    /// One case, counted in the twelve months and its month if it was sent within them, and in its department's and its
    /// service's twelve months (by one grouping at a time).
    /// </summary>
    public void AddCase(Guid residentId, byte[] groups, Channel channel, DateOnly sentOn, bool online, bool assisted, int? workingDaysToDecision, bool approved, bool breached, string? department = null, string? service = null)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var withChannel = WithChannel(groups, channel);
        void Count(InsightCell cell)
        {
            cell.Cases++;
            cell.OnlineCases += online ? 1 : 0;
            cell.AssistedCases += assisted ? 1 : 0;
            cell.Breached += breached ? 1 : 0;
            if (workingDaysToDecision is { } days)
            {
                cell.Decided++;
                cell.Approved += approved ? 1 : 0;
                cell.DecisionWorkingDays += days;
            }
        }

        foreach (var period in PeriodsOf(sentOn))
        {
            var firstThisPeriod = _applicants[period].Add(residentId);
            foreach (var key in Keys(withChannel, people: false))
            {
                foreach (var cell in CellsOf(period, key, department, service))
                {
                    Count(cell);
                }
            }

            if (firstThisPeriod)
            {
                foreach (var key in Keys(groups, people: true))
                {
                    Cell(period, key).Applicants++;
                }
            }
        }
    }

    /// <summary>
    /// One online form started on <paramref name="startedOn"/>, sent or not, of one department's service if
    /// <paramref name="department"/> is given (and the form is a service's, "services/{code}").
    /// </summary>
    public void AddDraft(byte[] groups, Channel channel, DateOnly startedOn, bool sent, string? department = null, string? form = null)
    {
        ArgumentNullException.ThrowIfNull(groups);
        if (department is not null && form is not null && PeriodsOf(startedOn).Contains(0))
        {
            _formStarts[(department, form)] = _formStarts.GetValueOrDefault((department, form)) + 1;
        }

        Count(groups, channel, startedOn, department, ServiceOf(form), cell =>
        {
            cell.DraftsStarted++;
            cell.DraftsSubmitted += sent ? 1 : 0;
        });
    }

    /// <summary>
    /// One offer the city made on <paramref name="offeredOn"/> (see Entitlements), taken up or not, unreached or not, by the
    /// channel she answered on (<see cref="Channel.Proactive"/> while unanswered), in the city's and its service's cells.
    /// </summary>
    public void AddOffer(byte[] groups, Channel channel, DateOnly offeredOn, bool taken, bool unreached, string? department, string service)
    {
        Count(groups, channel, offeredOn, department, service, cell =>
        {
            cell.Offered++;
            cell.OffersTaken += taken ? 1 : 0;
            cell.OffersUnreached += unreached ? 1 : 0;
        });
    }

    /// <summary>
    /// One case's rating given on <paramref name="ratedOn"/>, counted by the channel she was served on (not the one she
    /// rated on: the measure is of how each way of being served satisfies), in the city's and its service's cells.
    /// </summary>
    public void AddRating(byte[] groups, Channel servedOn, DateOnly ratedOn, bool bad, string? department, string service)
    {
        Count(groups, servedOn, ratedOn, department, service, cell =>
        {
            cell.Rated++;
            cell.BadReviews += bad ? 1 : 0;
        });
    }

    /// <summary>
    /// One queue ticket at a hall called on <paramref name="calledOn"/>, within 15 minutes or not, on the counter channel,
    /// in the city's and its service's cells: who waits longest in person.
    /// </summary>
    public void AddHallVisit(byte[] groups, DateOnly calledOn, bool withinQuarterHour, string? department, string service) =>
        Count(groups, Channel.Counter, calledOn, department, service, cell =>
        {
            cell.HallVisits++;
            cell.CalledWithinQuarterHour += withinQuarterHour ? 1 : 0;
        });

    /// <summary>
    /// Counts one record of a day and channel into every cell it belongs to: its period(s), each grouping of her groups
    /// with the channel, and its department's and service's cells.
    /// </summary>
    private void Count(byte[] groups, Channel channel, DateOnly on, string? department, string? service, Action<InsightCell> count)
    {
        ArgumentNullException.ThrowIfNull(groups);
        foreach (var period in PeriodsOf(on))
        {
            foreach (var key in Keys(WithChannel(groups, channel), people: false))
            {
                foreach (var cell in CellsOf(period, key, department, service))
                {
                    count(cell);
                }
            }
        }
    }

    /// <summary>An online form of a department's service given up on <paramref name="page"/> (the question she stopped at, or "check").</summary>
    public void AddAbandonment(string department, string form, string page, DateOnly on)
    {
        if (PeriodsOf(on).Contains(0))
        {
            _abandoned[(department, form, page)] = _abandoned.GetValueOrDefault((department, form, page)) + 1;
        }
    }

    /// <summary>Every cell with something in it, residents' counts copied into each period.</summary>
    public IEnumerable<InsightCell> Cells(DateTime computedAt)
    {
        for (var period = 0; period < _cells.Length; period++)
        {
            foreach (var key in _residents.Keys)
            {
                Cell(period, key);
            }

            foreach (var (key, cell) in _cells[period])
            {
                cell.Residents = _residents.GetValueOrDefault(key);
                cell.ComputedAt = computedAt;
                yield return cell;
            }
        }

        // A department's cells count its applicants' cases, not the city's residents: no reach per 1,000 by department.
        foreach (var cell in _departments.Values)
        {
            cell.ComputedAt = computedAt;
            yield return cell;
        }

        foreach (var ((department, form, page), count) in _abandoned)
        {
            yield return new InsightCell
            {
                Department = department,
                Service = ServiceOf(form),
                Period = TwelveMonths,
                Dimension = PageDimension,
                Group = form + Dimension.GroupSeparator + page,
                Abandoned = count,
                DraftsStarted = _formStarts.GetValueOrDefault((department, form)),
                ComputedAt = computedAt,
            };
        }
    }

    /// <summary>The service a form is of ("services/{code}"); null for a life event's, which is of several.</summary>
    public static string? ServiceOf(string? form) =>
        form is not null && form.StartsWith(ServiceForms, StringComparison.Ordinal) ? form[ServiceForms.Length..] : null;

    private const string ServiceForms = "services/";

    /// <summary>The city's cell of the key; in the twelve months, also its department's and its service's (by one grouping at a time).</summary>
    private IEnumerable<InsightCell> CellsOf(int period, int key, string? department, string? service)
    {
        yield return Cell(period, key);
        if (period == 0 && department is not null && key >> 16 < Dimensions.Length)
        {
            yield return DepartmentCell(department, null, key);
            if (service is not null)
            {
                yield return DepartmentCell(department, service, key);
            }
        }
    }

    private InsightCell DepartmentCell(string department, string? service, int key)
    {
        if (!_departments.TryGetValue((department, service, key), out var cell))
        {
            var template = Cell(0, key);
            cell = new InsightCell { Department = department, Service = service, Period = template.Period, Dimension = template.Dimension, Group = template.Group };
            _departments[(department, service, key)] = cell;
        }

        return cell;
    }

    /// <summary>0 for the twelve months to today, then 1 + how many calendar months back, for the current month and the eleven before it.</summary>
    private IEnumerable<int> PeriodsOf(DateOnly day)
    {
        if (day > _today)
        {
            yield break;
        }

        if (day > _today.AddMonths(-12))
        {
            yield return 0;
        }

        var monthsBack = ((_today.Year - day.Year) * 12) + _today.Month - day.Month;
        if (monthsBack < 12)
        {
            yield return monthsBack + 1;
        }
    }

    private InsightCell Cell(int period, int key)
    {
        if (!_cells[period].TryGetValue(key, out var cell))
        {
            var (table, first, second) = (key >> 16, (key >> 8) & 0xFF, key & 0xFF);
            var (a, b) = Tables[table];
            cell = new InsightCell
            {
                Period = period == 0 ? TwelveMonths : _months[period - 1],
                Dimension = b < 0 ? Dimensions[a].Code : Dimension.CrossCode(Dimensions[a], Dimensions[b]),
                Group = b < 0 ? CodeOf(a, first) : CodeOf(a, first) + Dimension.GroupSeparator + CodeOf(b, second),
            };
            _cells[period][key] = cell;
        }

        return cell;
    }

    private static IEnumerable<int> Keys(byte[] groups, bool people)
    {
        for (var t = 0; t < Tables.Length; t++)
        {
            var (a, b) = Tables[t];
            if (people && (a == ChannelIndex || b == ChannelIndex))
            {
                continue;
            }

            yield return (t << 16) | (groups[a] << 8) | (b < 0 ? 0 : groups[b]);
        }
    }

    private static byte[] WithChannel(byte[] groups, Channel channel)
    {
        var copy = (byte[])groups.Clone();
        copy[ChannelIndex] = IndexOf(ChannelIndex, channel.ToString());
        return copy;
    }

    private static readonly Dictionary<string, byte>[] GroupIndex =
        [.. Dimensions.Select(d => d.Groups.Select((g, i) => (g, i)).ToDictionary(x => x.g, x => (byte)x.i, StringComparer.Ordinal))];

    private static byte IndexOf(int dimension, string code) =>
        GroupIndex[dimension].TryGetValue(code, out var index) ? index : (byte)Dimensions[dimension].Groups.Count;

    private static string CodeOf(int dimension, int index) =>
        index < Dimensions[dimension].Groups.Count ? Dimensions[dimension].Groups[index] : Dimension.Unknown;
}
