using System.Text.Json;

namespace Tongban.Catalogue.Import;

/// <summary>Reads the catalogue folder into a <see cref="CatalogueDocument"/>; unreadable files become errors, not exceptions.</summary>
public static class ReadCatalogue
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // A misspelt field would otherwise be ignored silently and the real one reported missing.
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static (CatalogueDocument Document, List<CatalogueError> Errors) From(string folder)
    {
        var document = new CatalogueDocument();
        var errors = new List<CatalogueError>();
        if (!Directory.Exists(folder))
        {
            errors.Add(new CatalogueError(folder, "", "(folder)", "the catalogue folder does not exist"));
            return (document, errors);
        }

        Add(Read<DepartmentsFile>(folder, "departments.json", errors)?.Departments, "departments.json", document.Departments, errors);
        Add(Read<CategoriesFile>(folder, "categories.json", errors)?.Categories, "categories.json", document.Categories, errors);
        Add(Read<DistrictsFile>(folder, "districts.json", errors)?.Districts, "districts.json", document.Districts, errors);
        Add(Read<LifeEventsFile>(folder, "life-events.json", errors)?.LifeEvents, "life-events.json", document.LifeEvents, errors);

        var servicesFolder = Path.Combine(folder, "services");
        var serviceFiles = Directory.Exists(servicesFolder)
            ? Directory.EnumerateFiles(servicesFolder, "*.json").Order(StringComparer.Ordinal).ToList()
            : [];
        if (serviceFiles.Count == 0)
        {
            errors.Add(new CatalogueError("services/", "", "(files)", "no service files found"));
        }

        foreach (var path in serviceFiles)
        {
            var name = "services/" + Path.GetFileName(path);
            Add(Read<ServicesFile>(folder, name, errors)?.Services, name, document.Services, errors);
        }

        var synonymsFolder = Path.Combine(folder, "synonyms");
        var synonymFiles = Directory.Exists(synonymsFolder)
            ? Directory.EnumerateFiles(synonymsFolder, "*.json").Order(StringComparer.Ordinal).ToList()
            : [];
        foreach (var path in synonymFiles)
        {
            var name = "synonyms/" + Path.GetFileName(path);
            Add(Read<SynonymsFile>(folder, name, errors)?.Synonyms, name, document.Synonyms, errors);
        }

        // Forms are optional: a catalogue without online forms is still a catalogue.
        var formsFolder = Path.Combine(folder, "forms");
        if (Directory.Exists(formsFolder))
        {
            Add(Read<QuestionsFile>(folder, "forms/questions.json", errors)?.Questions, "forms/questions.json", document.Questions, errors);
            foreach (var path in Directory.EnumerateFiles(formsFolder, "*.json").Where(p => Path.GetFileName(p) != "questions.json").Order(StringComparer.Ordinal))
            {
                var name = "forms/" + Path.GetFileName(path);
                if (Read<FormDto>(folder, name, errors) is { } form)
                {
                    document.Forms.Add(new Sourced<FormDto>(name, form));
                }
            }
        }

        return (document, errors);
    }

    private static T? Read<T>(string folder, string name, List<CatalogueError> errors)
        where T : class
    {
        var path = Path.Combine(folder, name);
        if (!File.Exists(path))
        {
            errors.Add(new CatalogueError(name, "", "(file)", "the file is missing"));
            return null;
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json);
            if (value is null)
            {
                errors.Add(new CatalogueError(name, "", "(file)", "the file is empty"));
            }

            return value;
        }
        catch (JsonException e)
        {
            var where = e.Path is null ? "" : $" at {e.Path}";
            errors.Add(new CatalogueError(name, "", "(json)", $"line {e.LineNumber + 1}{where}: {e.Message}"));
            return null;
        }
    }

    private static void Add<T>(List<T?>? items, string file, List<Sourced<T>> target, List<CatalogueError> errors)
        where T : class
    {
        foreach (var (item, index) in (items ?? []).Select((item, index) => (item, index)))
        {
            if (item is null)
            {
                errors.Add(new CatalogueError(file, $"item {index + 1}", "(item)", "the item is empty (null)"));
                continue;
            }

            target.Add(new Sourced<T>(file, item));
        }
    }
}
