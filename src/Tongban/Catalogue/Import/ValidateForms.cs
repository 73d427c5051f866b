using System.Text.RegularExpressions;
using Tongban.Catalogue.Forms;

namespace Tongban.Catalogue.Import;

/// <summary>Checks the question library and every service form, the same way as the rest of the catalogue.</summary>
public static partial class ValidateForms
{
    /// <summary>The profile fields a question may be prefilled from (once-only).</summary>
    public static readonly IReadOnlySet<string> PrefillSources = new HashSet<string>(StringComparer.Ordinal)
    {
        "profile.fullName", "profile.idNumber", "profile.dateOfBirth", "profile.mobile", "profile.district", "profile.postalAddress",
    };

    public static void Check(CatalogueDocument document, IReadOnlyDictionary<string, ServiceDto> services, List<CatalogueError> errors)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(errors);
        var questions = new Dictionary<string, QuestionDto>(StringComparer.Ordinal);
        foreach (var (file, q) in document.Questions)
        {
            var item = ValidateCatalogue.Label("question", q.Id);
            if (q.Id is null || !QuestionId().IsMatch(q.Id))
            {
                errors.Add(new(file, item, "id", "must be words joined by dots, like applicant.fullName"));
                continue;
            }

            if (!questions.TryAdd(q.Id, q))
            {
                errors.Add(new(file, item, "id", "duplicate question id"));
            }

            CheckQuestion(file, item, q, errors);
        }

        foreach (var (file, q) in document.Questions.Where(q => q.Item.ECertificateHolder is not null))
        {
            if (q.ECertificate is null || !questions.TryGetValue(q.ECertificateHolder!, out var holder) || holder.Type != nameof(QuestionType.IdNumber))
            {
                errors.Add(new(file, ValidateCatalogue.Label("question", q.Id), "eCertificateHolder", "must name an ID number question, on a question with an eCertificate"));
            }
        }

        foreach (var (file, q) in document.Questions.Where(q => q.Item.BirthDateOf is not null))
        {
            if (q.Type != nameof(QuestionType.Date) || !questions.TryGetValue(q.BirthDateOf!, out var number) || number.Type != nameof(QuestionType.IdNumber))
            {
                errors.Add(new(file, ValidateCatalogue.Label("question", q.Id), "birthDateOf", "must name an ID number question, on a date question"));
            }
        }

        var formFor = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (file, f) in document.Forms)
        {
            var item = ValidateCatalogue.Label("form", f.Service);
            ValidateCatalogue.Reference(f.Service, services.Keys.ToHashSet(StringComparer.Ordinal), "service", file, item, "service", errors);
            if (f.Service is not null && !formFor.TryAdd(f.Service, file))
            {
                errors.Add(new(file, item, "service", $"the service already has a form in {formFor[f.Service]}"));
            }

            if (f.Service is not null && services.TryGetValue(f.Service, out var service) && service.Channels?.Any(c => c.Channel == nameof(Channel.Online)) != true)
            {
                errors.Add(new(file, item, "service", "has a form but no Online channel"));
            }

            var ask = f.Ask ?? [];
            if (ask.Count == 0)
            {
                errors.Add(new(file, item, "ask", "must list at least one question"));
            }

            foreach (var id in ask.Where(id => !questions.ContainsKey(id)))
            {
                errors.Add(new(file, item, "ask", $"unknown question '{id}' (questions are defined in forms/questions.json)"));
            }

            foreach (var id in ask.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key))
            {
                errors.Add(new(file, item, "ask", $"asks '{id}' twice"));
            }

            // A condition on a question the form does not ask (or asks only later) is silently false: refuse it.
            for (var i = 0; i < ask.Count; i++)
            {
                if (questions.TryGetValue(ask[i], out var asked) && asked.ShowIf is not null)
                {
                    foreach (var id in QuestionsIn(asked.ShowIf).Where(id => !ask.Take(i).Contains(id)))
                    {
                        errors.Add(new(file, item, "ask", $"asks '{ask[i]}', whose showIf depends on '{id}', which the form does not ask before it"));
                    }
                }
            }

            var ruleIds = new HashSet<string>(StringComparer.Ordinal);
            foreach (var rule in f.Rules ?? [])
            {
                var ruleItem = $"{item} › rule '{rule.Id}'";
                if (string.IsNullOrWhiteSpace(rule.Id) || !ruleIds.Add(rule.Id))
                {
                    errors.Add(new(file, ruleItem, "id", "is required and must be unique in the form"));
                }

                Expression(rule.Check, file, ruleItem, "check", errors);
                foreach (var id in QuestionsIn(rule.Check).Where(id => !ask.Contains(id)))
                {
                    errors.Add(new(file, ruleItem, "check", $"depends on '{id}', which the form does not ask"));
                }

                ValidateCatalogue.Text(rule.Passed, file, ruleItem, "passed", errors);
                ValidateCatalogue.Text(rule.Failed, file, ruleItem, "failed", errors);
            }
        }
    }

    private static void CheckQuestion(string file, string item, QuestionDto q, List<CatalogueError> errors)
    {
        ValidateCatalogue.Text(q.Label, file, item, "label", errors);
        if (q.LabelForOther is not null)
        {
            ValidateCatalogue.Text(q.LabelForOther, file, item, "labelForOther", errors);
        }

        if (q.Hint is not null)
        {
            ValidateCatalogue.Text(q.Hint, file, item, "hint", errors);
        }

        if (!Enum.TryParse<QuestionType>(q.Type, ignoreCase: false, out var type) || !Enum.IsDefined(type))
        {
            errors.Add(new(file, item, "type", $"must be one of {string.Join(", ", Enum.GetNames<QuestionType>())}"));
            return;
        }

        var options = q.Options ?? [];
        if (type == QuestionType.Choice && (options.Count < 2 || options.Any(o => string.IsNullOrWhiteSpace(o.Value))))
        {
            errors.Add(new(file, item, "options", "a choice needs at least two options, each with a value"));
        }
        else if (type != QuestionType.Choice && options.Count > 0)
        {
            errors.Add(new(file, item, "options", "only a choice has options"));
        }

        foreach (var option in options)
        {
            ValidateCatalogue.Text(option.Label, file, $"{item} › option '{option.Value}'", "label", errors);
        }

        if (q.When is not null && (type != QuestionType.Date || q.When is not ("past" or "future")))
        {
            errors.Add(new(file, item, "when", "only a date has 'when', and it is 'past' or 'future'"));
        }

        if (q.MaxLength is < 1 or > 2000)
        {
            errors.Add(new(file, item, "maxLength", "must be between 1 and 2000"));
        }

        if (q.Min is { } min && q.Max is { } max && min > max)
        {
            errors.Add(new(file, item, "min", "must not be greater than max"));
        }

        if (q.Prefill is not null && !PrefillSources.Contains(q.Prefill))
        {
            errors.Add(new(file, item, "prefill", $"must be one of {string.Join(", ", PrefillSources)}"));
        }

        if (q.ECertificate is not null && type != QuestionType.File)
        {
            errors.Add(new(file, item, "eCertificate", "only a file question can be replaced by an e-certificate"));
        }

        if (q.ShowIf is not null)
        {
            Expression(q.ShowIf, file, item, "showIf", errors);
        }
    }

    private static void Expression(string? expression, string file, string item, string field, List<CatalogueError> errors)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            errors.Add(new(file, item, field, "is required"));
        }
        else if (FormExpressions.Problem(expression) is { } problem)
        {
            errors.Add(new(file, item, field, $"is not a valid condition: {problem}"));
        }
    }

    /// <summary>The question ids an expression reads, such as <c>a.Is("employment.reason", "resigned")</c>.</summary>
    private static IEnumerable<string> QuestionsIn(string? expression) =>
        expression is null ? [] : QuestionIdLiteral().Matches(expression).Select(m => m.Groups[1].Value).Distinct();

    [GeneratedRegex("^[a-z][a-zA-Z]*(\\.[a-z][a-zA-Z]*)+$")]
    private static partial Regex QuestionId();

    [GeneratedRegex("\"([a-z][a-zA-Z]*(?:\\.[a-z][a-zA-Z]*)+)\"")]
    private static partial Regex QuestionIdLiteral();
}
