using System.Text.RegularExpressions;

namespace Tongban.Catalogue.Import;

/// <summary>
/// Checks the whole catalogue before anything is written, and lists every problem at once so that
/// one edit-import round fixes them all.
/// </summary>
public static partial class ValidateCatalogue
{
    public const int MaxTimeLimitWorkingDays = 250;
    public const int MaxReapplyAfterDays = 3660;

    /// <summary>The service's reapply rule as written (any case), <see cref="ReapplyRule.AfterClosed"/> when it says none.</summary>
    public static ReapplyRule ReapplyOf(ServiceDto dto) =>
        Enum.TryParse<ReapplyRule>(dto?.Reapply, ignoreCase: true, out var rule) ? rule : ReapplyRule.AfterClosed;

    public static List<CatalogueError> Check(CatalogueDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var errors = new List<CatalogueError>();

        var departments = UniqueCodes(document.Departments, "department", d => d.Code, errors);
        foreach (var (file, d) in document.Departments)
        {
            var item = Label("department", d.Code);
            Text(d.Name, file, item, "name", errors);
            Required(d.Phone, file, item, "phone", errors);
        }

        var categories = UniqueCodes(document.Categories, "category", c => c.Code, errors);
        foreach (var (file, c) in document.Categories)
        {
            Text(c.Name, file, Label("category", c.Code), "name", errors);
        }

        UniqueCodes(document.Districts, "district", d => d.Code, errors);
        var halls = UniqueCodes(
            document.Districts.SelectMany(d => (d.Item.Halls ?? []).Select(h => new Sourced<HallDto>(d.File, h))),
            "hall", h => h.Code, errors);
        foreach (var (file, d) in document.Districts)
        {
            CheckDistrict(file, d, errors);
        }

        var lifeEvents = UniqueCodes(document.LifeEvents, "life event", e => e.Code, errors);
        var services = UniqueCodes(document.Services, "service", s => s.Code, errors);
        foreach (var (file, s) in document.Services)
        {
            CheckService(file, s, departments, categories, halls, lifeEvents, errors);
        }

        var servicesByCode = document.Services.Where(s => s.Item.Code is not null)
            .GroupBy(s => s.Item.Code!).ToDictionary(g => g.Key, g => g.First().Item);
        foreach (var (file, e) in document.LifeEvents)
        {
            CheckLifeEvent(file, e, services, servicesByCode, errors);
        }

        foreach (var ((file, synonym), i) in document.Synonyms.Select((s, i) => (s, i)))
        {
            CheckSynonym(file, $"synonym {i + 1}", synonym, services, lifeEvents, errors);
        }

        foreach (var (file, d) in document.Districts)
        {
            foreach (var h in d.Halls ?? [])
            {
                ReadHallBooking.Read(h.Booking, file, $"{Label("district", d.Code)} › {Label("hall", h.Code)}", s => OfferedAt(servicesByCode, s, h.Code), errors);
            }
        }

        ValidateForms.Check(document, servicesByCode, errors);
        ValidateEntitlements.Check(document, errors);
        return errors;
    }

    private static void CheckSynonym(string file, string item, SynonymDto s, HashSet<string> services, HashSet<string> lifeEvents, List<CatalogueError> errors)
    {
        var terms = s.Terms ?? [];
        if (terms.Count == 0 || terms.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add(new(file, item, "terms", "must list at least one term, none of them empty"));
        }

        if ((s.Services?.Count ?? 0) + (s.LifeEvents?.Count ?? 0) == 0)
        {
            errors.Add(new(file, item, "services", "must name at least one service or life event the terms mean"));
        }

        foreach (var code in s.Services ?? [])
        {
            Reference(code, services, "service", file, item, "services", errors);
        }

        foreach (var code in s.LifeEvents ?? [])
        {
            Reference(code, lifeEvents, "life event", file, item, "lifeEvents", errors);
        }
    }

    private static void CheckDistrict(string file, DistrictDto d, List<CatalogueError> errors)
    {
        var item = Label("district", d.Code);
        Text(d.Name, file, item, "name", errors);
        if (d.Population is not > 0)
        {
            errors.Add(new(file, item, "population", "must be a positive number of residents"));
        }

        foreach (var h in d.Halls ?? [])
        {
            var hall = $"{item} › {Label("hall", h.Code)}";
            Text(h.Name, file, hall, "name", errors);
            Text(h.Address, file, hall, "address", errors);
            Text(h.OpeningHours, file, hall, "openingHours", errors);
            Required(h.Phone, file, hall, "phone", errors);
            if (h.Accessibility is not { StepFree: not null, HearingLoop: not null, PriorityCounter: not null })
            {
                errors.Add(new(file, hall, "accessibility", "must say stepFree, hearingLoop and priorityCounter (true or false)"));
            }
        }
    }

    private static void CheckService(
        string file,
        ServiceDto s,
        HashSet<string> departments,
        HashSet<string> categories,
        HashSet<string> halls,
        HashSet<string> lifeEvents,
        List<CatalogueError> errors)
    {
        var item = Label("service", s.Code);
        Reference(s.Department, departments, "department", file, item, "department", errors);
        Reference(s.Category, categories, "category", file, item, "category", errors);
        Text(s.Name, file, item, "name", errors);
        Text(s.Summary, file, item, "summary", errors);
        Text(s.Audience, file, item, "audience", errors);
        Text(s.Eligibility, file, item, "eligibility", errors);
        Text(s.Fee, file, item, "fee", errors);
        if (s.IssuesECertificate is null)
        {
            errors.Add(new(file, item, "issuesECertificate", "must be true or false"));
        }

        if (s.CertificateValidYears is { } years && (s.IssuesECertificate != true || years is < 1 or > 100))
        {
            errors.Add(new(file, item, "certificateValidYears", "must be a whole number of years from 1 to 100, for a service that issues an e-certificate"));
        }

        if (s.TimeLimitWorkingDays is not { } limit || limit < 0 || limit > MaxTimeLimitWorkingDays)
        {
            errors.Add(new(file, item, "timeLimitWorkingDays", $"must be a whole number of working days from 0 to {MaxTimeLimitWorkingDays}"));
        }

        if (s.RectificationWorkingDays is { } r && !(r.Contact >= 1 && r.Simple >= r.Contact && r.Complex >= r.Simple && r.Complex <= MaxTimeLimitWorkingDays))
        {
            errors.Add(new(file, item, "rectificationWorkingDays", $"must give contact, simple and complex, each a whole number of working days from 1 to {MaxTimeLimitWorkingDays}, in that order or equal"));
        }

        if (s.Reapply is not null && (!Enum.TryParse<ReapplyRule>(s.Reapply, ignoreCase: true, out _) || int.TryParse(s.Reapply, out _)))
        {
            errors.Add(new(file, item, "reapply", "must be afterClosed (the default), once, oncePerPeriod or unlimited"));
        }
        else if ((ReapplyOf(s) == ReapplyRule.OncePerPeriod) != (s.ReapplyAfterDays is not null)
            || s.ReapplyAfterDays is < 1 or > MaxReapplyAfterDays)
        {
            errors.Add(new(file, item, "reapplyAfterDays", $"must be given (1 to {MaxReapplyAfterDays} days) exactly when reapply is oncePerPeriod"));
        }

        foreach (var (m, i) in (s.Materials ?? []).Select((m, i) => (m, i)))
        {
            Text(m.Name, file, item, $"materials[{i}].name", errors);
        }

        CheckChannels(file, item, s, halls, errors);

        foreach (var tag in s.LifeEvents ?? [])
        {
            Reference(tag, lifeEvents, "life event", file, item, "lifeEvents", errors);
        }
    }

    private static void CheckChannels(string file, string item, ServiceDto s, HashSet<string> halls, List<CatalogueError> errors)
    {
        var channels = s.Channels ?? [];
        if (channels.Count == 0)
        {
            errors.Add(new(file, item, "channels", "must list at least one channel"));
            return;
        }

        var seen = new HashSet<Channel>();
        foreach (var (c, i) in channels.Select((c, i) => (c, i)))
        {
            var field = $"channels[{i}]";
            if (!Enum.TryParse<Channel>(c.Channel, ignoreCase: false, out var channel) || !Enum.IsDefined(channel) || int.TryParse(c.Channel, out _) || !channel.IsResidents())
            {
                errors.Add(new(file, item, $"{field}.channel", $"'{c.Channel}' is not a channel; use one of {string.Join(", ", Enum.GetValues<Channel>().Where(Channels.IsResidents))}"));
                continue;
            }

            if (!seen.Add(channel))
            {
                errors.Add(new(file, item, $"{field}.channel", $"{channel} is listed twice"));
            }

            if (c.TimeLimitWorkingDays is { } own && own != s.TimeLimitWorkingDays)
            {
                errors.Add(new(file, item, $"{field}.timeLimitWorkingDays",
                    $"{channel} says {own} working days but the service says {s.TimeLimitWorkingDays}: every channel must have the same time limit"));
            }

            if (c.Note is not null)
            {
                Text(c.Note, file, item, $"{field}.note", errors);
            }

            if (c.Halls is { Count: > 0 } && channel != Channel.Counter)
            {
                errors.Add(new(file, item, $"{field}.halls", "only a Counter channel names halls"));
            }

            foreach (var hall in c.Halls ?? [])
            {
                Reference(hall, halls, "hall", file, item, $"{field}.halls", errors);
            }
        }

        if (!seen.Any(Channels.IsNonDigital))
        {
            errors.Add(new(file, item, "channels", "must include a non-digital channel (Counter, Hotline or Post) so that nobody needs a phone or computer"));
        }
    }

    private static void CheckLifeEvent(
        string file,
        LifeEventDto e,
        HashSet<string> services,
        Dictionary<string, ServiceDto> servicesByCode,
        List<CatalogueError> errors)
    {
        var item = Label("life event", e.Code);
        Text(e.Name, file, item, "name", errors);
        Text(e.Summary, file, item, "summary", errors);
        var listed = e.Services ?? [];
        if (listed.Count == 0)
        {
            errors.Add(new(file, item, "services", "must name at least one service"));
        }

        foreach (var code in listed)
        {
            Reference(code, services, "service", file, item, "services", errors);
        }

        if (listed.Count != listed.Distinct(StringComparer.Ordinal).Count())
        {
            errors.Add(new(file, item, "services", "names a service twice"));
        }

        // The service's tags and the life event's list are two views of one fact: they must agree.
        if (e.Code is null)
        {
            return;
        }

        foreach (var (code, service) in servicesByCode)
        {
            var tagged = service.LifeEvents?.Contains(e.Code) == true;
            if (tagged != listed.Contains(code))
            {
                errors.Add(new(file, item, "services", tagged
                    ? $"service '{code}' is tagged '{e.Code}' but this life event does not list it"
                    : $"lists service '{code}', which is not tagged '{e.Code}'"));
            }
        }
    }

    private static HashSet<string> UniqueCodes<T>(IEnumerable<Sourced<T>> items, string kind, Func<T, string?> code, List<CatalogueError> errors)
    {
        var firstFile = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (file, item) in items)
        {
            var value = code(item);
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add(new(file, $"{kind} (no code)", "code", "is required"));
            }
            else if (!CodePattern().IsMatch(value))
            {
                errors.Add(new(file, Label(kind, value), "code", "must be lower-case letters, digits and single hyphens (it is used in URLs), at most 64 characters"));
            }
            else if (!firstFile.TryAdd(value, file))
            {
                errors.Add(new(file, Label(kind, value), "code", $"duplicate code: another {kind} in {firstFile[value]} already uses '{value}'"));
            }
        }

        return firstFile.Keys.ToHashSet(StringComparer.Ordinal);
    }

    internal static void Text(TextDto? text, string file, string item, string field, List<CatalogueError> errors)
    {
        if (text is null)
        {
            errors.Add(new(file, item, field, "is required, in zh-CN and en"));
            return;
        }

        if (string.IsNullOrWhiteSpace(text.ZhCn))
        {
            errors.Add(new(file, item, $"{field}.zh-CN", "missing translation"));
        }

        if (string.IsNullOrWhiteSpace(text.En))
        {
            errors.Add(new(file, item, $"{field}.en", "missing translation"));
        }
    }

    private static void Required(string? value, string file, string item, string field, List<CatalogueError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(file, item, field, "is required"));
        }
    }

    internal static void Reference(string? code, HashSet<string> known, string kind, string file, string item, string field, List<CatalogueError> errors)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            errors.Add(new(file, item, field, "is required"));
        }
        else if (!known.Contains(code))
        {
            errors.Add(new(file, item, field, $"unknown {kind} '{code}'"));
        }
    }

    /// <summary>Whether the service has a counter channel at this hall (one that names no halls is at every hall).</summary>
    private static bool OfferedAt(Dictionary<string, ServiceDto> services, string? code, string? hall) =>
        code is not null && services.TryGetValue(code, out var service) && (service.Channels ?? []).Any(c =>
            string.Equals(c.Channel, nameof(Channel.Counter), StringComparison.OrdinalIgnoreCase) && (c.Halls is not { Count: > 0 } || c.Halls.Contains(hall ?? "")));

    internal static string Label(string kind, string? code) => code is null ? $"{kind} (no code)" : $"{kind} '{code}'";

    [GeneratedRegex("^(?=.{1,64}$)[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex CodePattern();
}
