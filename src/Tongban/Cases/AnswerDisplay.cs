using System.Globalization;
using Microsoft.Extensions.Localization;
using Tongban.Catalogue.Forms;
using Tongban.Platform.Files;
using Tongban.Platform.Localization;
using Tongban.Residents.Certificates;

namespace Tongban.Cases;

/// <summary>A stored answer as a person reads it: the option's label, yes or no, a date in her language.</summary>
public static class AnswerDisplay
{
    /// <summary>An e-certificate of someone else shows its number only <paramref name="forStaff"/> (the officer handling the case), never to the applicant.</summary>
    public static string Of(Question question, string? value, IStringLocalizer<SharedResource> t, bool forStaff = false)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(t);
        if (string.IsNullOrEmpty(value))
        {
            return t["Not given"];
        }

        return question.Type switch
        {
            QuestionType.Choice => question.Options.FirstOrDefault(o => o.Value == value)?.Label.Current ?? value,
            QuestionType.YesNo => value == "yes" ? t["Yes"] : t["No"],
            QuestionType.Date when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => d.ToString("D", CultureInfo.CurrentCulture),
            QuestionType.Phone => value.Replace("+86", "", StringComparison.Ordinal),
            QuestionType.File when UploadedFile.Read(value) is { } file => $"{file.Name} ({Math.Max(1, file.Bytes / 1024)} KB)",
            QuestionType.File when CertificateAnswer.Read(value) is { } certificate => question.ECertificateHolder is null || forStaff
                ? t["E-certificate no. {0}, held by the city", certificate.Number]
                : t["An e-certificate held by the city (its details are not shown)"],
            _ => value,
        };
    }
}
