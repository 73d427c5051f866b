using System.Globalization;
using Microsoft.Extensions.Localization;
using Tongban.Catalogue.Forms;
using Tongban.Platform.Localization;
using Tongban.Platform.Web;
using Tongban.Residents;

namespace Tongban.Applications;

/// <summary>What a person typed for one question: one box, or day, month and year for a date.</summary>
public sealed record TypedAnswer(string? Value, string? Day = null, string? Month = null, string? Year = null);

/// <summary>
/// Checks one typed answer against its question and turns it into the stored form (dates as
/// yyyy-MM-dd, numbers invariant, ID numbers upper case, phones in E.164). Each refusal says what to do.
/// </summary>
public static class AnswerCheck
{
    public const int DefaultMaxLength = 500;

    public static (string? Value, string? Error) Check(Question question, TypedAnswer typed, DateOnly today, IStringLocalizer<SharedResource> t)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(t);
        if (question.Type == QuestionType.Date)
        {
            return CheckDate(question, typed, today, t);
        }

        var value = Digits((typed.Value ?? "").Trim());
        if (value.Length == 0)
        {
            return question.Optional ? ("", null) : (null, question.Type is QuestionType.Choice or QuestionType.YesNo ? t["Choose one of the options."] : t["Answer this question to continue."]);
        }

        switch (question.Type)
        {
            case QuestionType.Number:
                if (!decimal.TryParse(value.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                {
                    return (null, t["Enter a number, using digits only, like 1200."]);
                }

                if ((question.Min is { } min && number < min) || (question.Max is { } max && number > max))
                {
                    return (null, t["Enter a number from {0} to {1}.", question.Min ?? 0, question.Max ?? decimal.MaxValue]);
                }

                return (number.ToString(CultureInfo.InvariantCulture), null);
            case QuestionType.Choice:
                return question.Options.Any(o => o.Value == value) ? (value, null) : (null, t["Choose one of the options."]);
            case QuestionType.YesNo:
                return value is "yes" or "no" ? (value, null) : (null, t["Choose one of the options."]);
            case QuestionType.IdNumber:
                var problem = ResidentIdNumber.Check(value, today);
                return problem == ResidentIdProblem.None ? (ResidentIdNumber.Normalize(value), null) : (null, ResidentIdMessages.For(problem, t));
            case QuestionType.Phone:
                return MobileNumber.Normalize(value) is { } e164 ? (e164, null) : (null, t["Enter a mainland China mobile number, like 138 0013 8000."]);
            default:
                var maxLength = question.MaxLength ?? DefaultMaxLength;
                if (value.Length > maxLength)
                {
                    return (null, t["Use {0} characters or fewer. You have used {1}.", maxLength, value.Length]);
                }

                // Stored as typed (every page encodes it on the way out); only invisible control characters,
                // which no keyboard makes and no letter can print, are refused.
                return value.Any(c => char.IsControl(c) && c is not ('\r' or '\n'))
                    ? (null, t["Remove the special characters that cannot be shown."])
                    : (value, null);
        }
    }

    private static (string? Value, string? Error) CheckDate(Question question, TypedAnswer typed, DateOnly today, IStringLocalizer<SharedResource> t)
    {
        var (date, problem) = DateInput.Read(Digits(typed.Day ?? ""), Digits(typed.Month ?? ""), Digits(typed.Year ?? ""));
        return problem switch
        {
            DateInputProblem.Empty => question.Optional ? ("", null) : (null, t["Enter the date as day, month and year."]),
            DateInputProblem.NotNumbers => (null, t["Enter the date as day, month and year in numbers, for example 27 3 1956."]),
            DateInputProblem.Impossible => (null, t["This date does not exist. Check the day, month and year."]),
            _ when question.When == "past" && date > today => (null, t["The date must be today or in the past."]),
            _ when question.When == "future" && date < today => (null, t["The date must be today or in the future."]),
            _ when date!.Value.Year < 1880 => (null, t["Check the year: it is too far in the past."]),
            _ => (date!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null),
        };
    }

    /// <summary>Full-width digits (from Chinese keyboards) as ASCII digits.</summary>
    private static string Digits(string text) =>
        string.Concat(text.Select(c => c is >= '０' and <= '９' ? (char)('0' + (c - '０')) : c));
}
