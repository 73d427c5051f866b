namespace Tongban.Platform.Calendar;

public static class CalendarSetup
{
    /// <summary>Loads <c>catalogue/holidays/*.json</c> once; a broken file stops start-up, since every deadline depends on it.</summary>
    public static IServiceCollection AddWorkingDayCalendar(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var folder = Path.Combine(CatalogueLocation.Resolve(sp.GetRequiredService<IConfiguration>()), "holidays");
            return new WorkingDayCalendar(LoadYears(folder), sp.GetRequiredService<ILogger<WorkingDayCalendar>>());
        });
        return services;
    }

    public static IReadOnlyList<HolidayYear> LoadYears(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var years = new List<HolidayYear>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var (year, errors) = HolidayYear.Parse(File.ReadAllText(file));
            if (year is null)
            {
                throw new InvalidOperationException($"{Path.GetFileName(file)}: {string.Join("; ", errors)}");
            }

            years.Add(year);
        }

        return years;
    }
}
