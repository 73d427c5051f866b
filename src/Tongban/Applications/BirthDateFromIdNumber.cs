using System.Globalization;
using Microsoft.Extensions.Localization;
using Tongban.Catalogue.Forms;
using Tongban.Residents;

namespace Tongban.Applications;

/// <summary>
/// An ID number holds its owner's date of birth: a form does not ask for the date again once the number is given
/// (<see cref="Question.BirthDateOf"/>), and does not accept the two contradicting each other, whichever came first.
/// </summary>
public static class BirthDateFromIdNumber
{
    /// <summary>
    /// The answers to save with <paramref name="value"/> (a date of birth filled from the number just given), or why
    /// the answer contradicts one she gave herself. A date the city filled in (<paramref name="prefilled"/>) or taken from an earlier number yields to the new number.
    /// </summary>
    public static (IReadOnlyDictionary<string, string> AlsoSave, string? Error) Check(
        ApplicationForm form, Question question, string value, IReadOnlyDictionary<string, string> answers, IReadOnlyCollection<string> prefilled, IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(prefilled);
        ArgumentNullException.ThrowIfNull(t);
        var also = new Dictionary<string, string>(StringComparer.Ordinal);
        if (question.Type == QuestionType.IdNumber && Born(value) is { } born)
        {
            foreach (var date in form.Questions.Where(q => q.BirthDateOf == question.Id))
            {
                // A date she gave herself stands against the number; one the city filled in, or taken from the number before, follows it.
                if (answers.TryGetValue(date.Id, out var given) && given.Length > 0 && given != born && !prefilled.Contains(date.Id)
                    && given != Born(answers.GetValueOrDefault(question.Id)))
                {
                    return (also, t["This ID number holds the date of birth {0}, but the date of birth given is {1}. Check both and correct the one that is wrong.", Show(born), Show(given)]);
                }

                also[date.Id] = born;
            }
        }

        if (question.BirthDateOf is { } idQuestion && value.Length > 0 && answers.TryGetValue(idQuestion, out var id) && Born(id) is { } fromId && fromId != value)
        {
            return (also, t["This is not the date of birth in the ID number given ({0}). If the ID number is wrong, correct it on the check page.", Show(fromId)]);
        }

        return (also, null);
    }

    /// <summary>The date of birth in an ID number, as a date answer is stored (yyyy-MM-dd).</summary>
    public static string? Born(string? idNumber) =>
        idNumber is { Length: 18 } && ResidentIdNumber.BirthDate(idNumber) is { } date ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

    private static string Show(string date) =>
        DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d.ToString("D", CultureInfo.CurrentCulture) : date;
}
