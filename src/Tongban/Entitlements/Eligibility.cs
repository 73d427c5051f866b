using Tongban.Catalogue.Entitlements;
using Tongban.Catalogue.Forms;

namespace Tongban.Entitlements;

/// <summary>
/// Whether the city's facts about her meet an entitlement's rule, and the answers it fills in her form: a pure
/// function, as instant approval is. A rule that reads a fact the city does not hold does not pass.
/// </summary>
public static class Eligibility
{
    public static bool Meets(Entitlement entitlement, IReadOnlyDictionary<string, string> facts, DateOnly today, IReadOnlyList<EarlierCase> earlier)
    {
        ArgumentNullException.ThrowIfNull(entitlement);
        var read = new FormAnswers(facts, today, earlier);
        return FormExpressions.Evaluate(entitlement.Who, read) && !read.ReadMissing;
    }

    /// <summary>
    /// Her form's answers from the city's facts: the entitlement's own answers, and every question the form fills from
    /// her profile, taken from the facts (proven) rather than from what she typed into her profile.
    /// </summary>
    public static Dictionary<string, string> Answers(Entitlement entitlement, FormDefinition form, IReadOnlyDictionary<string, string> facts)
    {
        ArgumentNullException.ThrowIfNull(entitlement);
        ArgumentNullException.ThrowIfNull(form);
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var question in form.Questions)
        {
            var fact = entitlement.Answers.GetValueOrDefault(question.Id) ?? question.Prefill;
            if (fact is not null && facts.TryGetValue(fact, out var value))
            {
                answers[question.Id] = value;
            }
        }

        return answers;
    }
}
