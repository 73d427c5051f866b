using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tongban.Platform.Calendar;

/// <summary>One year's official arrangement: public holidays and the weekend days worked to make up for them (调休).</summary>
public sealed record HolidayYear(int Year, IReadOnlyList<HolidayPeriod> Holidays, IReadOnlyList<DateOnly> ExtraWorkingDays)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    /// <summary>Reads one <c>catalogue/holidays/YYYY.json</c> and lists every problem instead of stopping at the first.</summary>
    public static (HolidayYear? Year, IReadOnlyList<string> Errors) Parse(string json)
    {
        HolidayFileDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize<HolidayFileDto>(json, Json);
        }
        catch (JsonException e)
        {
            return (null, [$"not valid JSON: {e.Message}"]);
        }

        if (dto is null || dto.Year is null)
        {
            return (null, ["field 'year' is missing"]);
        }

        var errors = new List<string>();
        var year = dto.Year.Value;
        var holidays = new List<HolidayPeriod>();
        foreach (var (h, i) in (dto.Holidays ?? []).Select((h, i) => (h, i)))
        {
            var item = $"holidays[{i}]";
            if (string.IsNullOrWhiteSpace(h.NameZh) || string.IsNullOrWhiteSpace(h.NameEn))
            {
                errors.Add($"{item}: field 'name_zh'/'name_en' is missing a translation");
            }

            if (h.From is not { } from || h.To is not { } to)
            {
                errors.Add($"{item}: fields 'from' and 'to' are required");
                continue;
            }

            if (to < from || from.Year != year || to.Year != year)
            {
                errors.Add($"{item}: field 'to' must not be before 'from', and both must fall in {year}");
                continue;
            }

            holidays.Add(new HolidayPeriod(h.NameZh ?? "", h.NameEn ?? "", from, to));
        }

        var extra = dto.ExtraWorkingDays ?? [];
        foreach (var day in extra)
        {
            if (day.Year != year)
            {
                errors.Add($"extra_working_days: {day:yyyy-MM-dd} is not in {year}");
            }

            if (holidays.Any(h => h.Contains(day)))
            {
                errors.Add($"extra_working_days: {day:yyyy-MM-dd} is also a holiday");
            }
        }

        return errors.Count > 0 ? (null, errors) : (new HolidayYear(year, holidays, extra), errors);
    }

    private sealed record HolidayFileDto(int? Year, List<HolidayDto>? Holidays, List<DateOnly>? ExtraWorkingDays);

    private sealed record HolidayDto(string? NameZh, string? NameEn, DateOnly? From, DateOnly? To);
}

public sealed record HolidayPeriod(string NameZh, string NameEn, DateOnly From, DateOnly To)
{
    public bool Contains(DateOnly day) => day >= From && day <= To;
}
