using System.Globalization;
using Tongban.Catalogue.Forms;
using Tongban.Residents;

namespace Tongban.Applications;

/// <summary>Answers that come from her profile (<see cref="Question.Prefill"/>) and those she may put back into it.</summary>
public static class ProfileAnswers
{
    /// <summary>What her profile holds for a prefill source, in the form's answer format.</summary>
    public static string? Held(Resident resident, string source)
    {
        ArgumentNullException.ThrowIfNull(resident);
        return source switch
        {
            "profile.fullName" => resident.FullName,
            "profile.idNumber" => resident.OwnIdNumber,
            "profile.dateOfBirth" => resident.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "profile.mobile" => resident.MobileNumber,
            "profile.district" => resident.DistrictCode,
            "profile.postalAddress" => resident.PostalAddress,
            _ => null,
        };
    }

    /// <summary>
    /// The questions whose answer differs from what her profile holds and which she may keep in it. Not her mobile
    /// number (it is the one she signs in with, proven) nor her date of birth (it follows the ID number); an ID
    /// number only while her profile has no proven one, and then only as a claim.
    /// </summary>
    public static IReadOnlyList<(Question Question, string Answer)> Differing(ApplicationForm form, IReadOnlyDictionary<string, string> answers, Resident resident)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(resident);
        return form.Questions
            .Where(q => q.Prefill is "profile.fullName" or "profile.district" or "profile.postalAddress" || (q.Prefill == "profile.idNumber" && resident.IdNumber is null))
            .Select(q => (Question: q, Answer: answers.GetValueOrDefault(q.Id) ?? ""))
            .Where(a => a.Answer.Length > 0 && a.Answer != Held(resident, a.Question.Prefill!))
            .ToList();
    }
}
