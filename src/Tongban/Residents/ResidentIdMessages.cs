using Microsoft.Extensions.Localization;
using Tongban.Platform.Localization;

namespace Tongban.Residents;

/// <summary>What to tell a person whose ID number does not pass <see cref="ResidentIdNumber.Check"/>.</summary>
public static class ResidentIdMessages
{
    public static string For(ResidentIdProblem problem, IStringLocalizer<SharedResource> t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return problem switch
        {
            ResidentIdProblem.Empty => t["Enter the ID number."],
            ResidentIdProblem.WrongLength => t["An ID number has 18 characters."],
            ResidentIdProblem.WrongCharacters => t["An ID number has 17 digits and then a digit or X."],
            ResidentIdProblem.UnknownRegion => t["The first digits of this ID number are not a region of China. Check them against the card."],
            ResidentIdProblem.ImpossibleBirthDate => t["The birth date inside this ID number (digits 7 to 14) is not possible. Check them against the card."],
            _ => t["This ID number is not right: one of the characters is mistyped. Check it against the card."],
        };
    }
}
