using Tongban.Catalogue.Forms;

namespace Tongban.Applications;

/// <summary>
/// The autocomplete purpose of a question about her own details (WCAG 1.3.5), so that a browser or assistive tool can
/// fill or mark it; "off" for everything else, and for all questions when someone answers for her, whose browser holds
/// their own details, not hers.
/// </summary>
public static class AutocompletePurpose
{
    /// <summary>The token for the question's field; for a date, the token of its <paramref name="datePart"/> ("day", "month", "year").</summary>
    public static string For(Question question, bool forSomeoneElse, string? datePart = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (forSomeoneElse)
        {
            return "off";
        }

        return question.Prefill switch
        {
            "profile.fullName" => "name",
            "profile.mobile" => "tel",
            "profile.postalAddress" => "street-address",
            "profile.dateOfBirth" when datePart is not null => $"bday-{datePart}",
            _ => "off",
        };
    }
}
