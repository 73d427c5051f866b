using Tongban.Catalogue.Entitlements;
using Tongban.Catalogue.Forms;

namespace Tongban.Catalogue.Import;

/// <summary>
/// Checks each service's <c>entitlement</c>: a well-formed rule that reads only facts the city holds, answers that fill
/// questions of the service's form from those facts, and a grant without application only where a legal basis is
/// named and every question the form asks is filled by the city.
/// </summary>
public static class ValidateEntitlements
{
    public const int MaxRemindAfterWorkingDays = 60;

    public static void Check(CatalogueDocument document, List<CatalogueError> errors)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(errors);
        var questions = document.Questions.Where(q => q.Item.Id is not null).GroupBy(q => q.Item.Id!).ToDictionary(g => g.Key, g => g.First().Item, StringComparer.Ordinal);
        foreach (var (file, service) in document.Services.Where(s => s.Item.Entitlement is not null))
        {
            var item = ValidateCatalogue.Label("service", service.Code);
            var e = service.Entitlement!;
            var asked = document.Forms.FirstOrDefault(f => f.Item.Service == service.Code)?.Item.Ask;
            if (asked is null)
            {
                errors.Add(new(file, item, "entitlement", "needs the service's online form: accepting an offer starts or sends an application"));
                continue;
            }

            CheckRule(file, item, e, errors);
            ValidateCatalogue.Text(e.Why, file, item, "entitlement.why", errors);
            if (e.Occasion is not null && !System.Text.RegularExpressions.Regex.IsMatch(e.Occasion, "^[a-z][a-z0-9-]*$"))
            {
                errors.Add(new(file, item, "entitlement.occasion", "must name a kind of e-certificate, like birth-certificate"));
            }

            if (e.RemindAfterWorkingDays is < 1 or > MaxRemindAfterWorkingDays)
            {
                errors.Add(new(file, item, "entitlement.remindAfterWorkingDays", $"must be 1 to {MaxRemindAfterWorkingDays} working days"));
            }

            foreach (var (question, fact) in e.Answers ?? [])
            {
                if (!asked.Contains(question))
                {
                    errors.Add(new(file, item, "entitlement.answers", $"'{question}' is not a question of the service's form"));
                }

                if (!EntitlementFacts.Known(fact, e.Occasion is not null))
                {
                    errors.Add(new(file, item, "entitlement.answers", $"'{fact}' is not a fact the city holds{(e.Occasion is null ? " (occasion facts need an occasion)" : "")}"));
                }
            }

            CheckGrant(file, item, e, asked, questions, errors);
        }
    }

    private static void CheckRule(string file, string item, EntitlementDto e, List<CatalogueError> errors)
    {
        if (string.IsNullOrWhiteSpace(e.Who))
        {
            errors.Add(new(file, item, "entitlement.who", "must say who is entitled, as a rule"));
            return;
        }

        if (FormExpressions.Problem(e.Who) is { } problem)
        {
            errors.Add(new(file, item, "entitlement.who", $"is not a valid rule: {problem}"));
        }

        foreach (var fact in EntitlementFacts.NamedIn(e.Who).Where(f => !EntitlementFacts.Known(f, e.Occasion is not null)))
        {
            errors.Add(new(file, item, "entitlement.who", $"reads '{fact}', which is not a fact the city holds{(e.Occasion is null ? " (occasion facts need an occasion)" : "")}"));
        }
    }

    private static void CheckGrant(string file, string item, EntitlementDto e, List<string> asked, Dictionary<string, QuestionDto> questions, List<CatalogueError> errors)
    {
        switch (e.Grant)
        {
            case null or "onConfirmation":
                return;
            case "withoutApplication":
                break;
            default:
                errors.Add(new(file, item, "entitlement.grant", "must be onConfirmation (the default) or withoutApplication"));
                return;
        }

        if (e.LegalBasis is null)
        {
            errors.Add(new(file, item, "entitlement.legalBasis", "must name the law that allows granting without an application"));
        }
        else
        {
            ValidateCatalogue.Text(e.LegalBasis, file, item, "entitlement.legalBasis", errors);
        }

        var unfilled = asked.Where(id => questions.TryGetValue(id, out var q) && q.Optional != true
            && !(e.Answers ?? []).ContainsKey(id) && !(q.Prefill is { } p && EntitlementFacts.Profile.Contains(p))).ToList();
        if (unfilled.Count > 0)
        {
            errors.Add(new(file, item, "entitlement.grant", $"withoutApplication needs every question filled by the city; not filled: {string.Join(", ", unfilled)}"));
        }
    }
}
