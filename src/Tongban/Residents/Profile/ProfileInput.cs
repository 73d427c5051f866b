using System.Globalization;

namespace Tongban.Residents.Profile;

/// <summary>
/// The profile form as typed: every field a string, so that whatever a person entered comes back to her
/// unchanged when something needs correcting.
/// </summary>
public sealed class ProfileInput
{
    public string? FullName { get; set; }
    public string? IdNumber { get; set; }
    public string? BirthDay { get; set; }
    public string? BirthMonth { get; set; }
    public string? BirthYear { get; set; }
    public string? District { get; set; }
    public string? Language { get; set; }
    public string? ContactChannel { get; set; }
    public string? PostalAddress { get; set; }
    public string? Email { get; set; }
    public IList<string> Needs { get; set; } = [];
    public bool StatisticsConsent { get; set; }

    public static ProfileInput From(Resident resident)
    {
        ArgumentNullException.ThrowIfNull(resident);
        return new()
        {
            FullName = resident.FullName,
            IdNumber = resident.OwnIdNumber,
            BirthDay = resident.DateOfBirth?.Day.ToString(CultureInfo.InvariantCulture),
            BirthMonth = resident.DateOfBirth?.Month.ToString(CultureInfo.InvariantCulture),
            BirthYear = resident.DateOfBirth?.Year.ToString(CultureInfo.InvariantCulture),
            District = resident.DistrictCode,
            Language = resident.PreferredLanguage,
            ContactChannel = resident.ContactChannel.ToString(),
            PostalAddress = resident.PostalAddress,
            Email = resident.Email,
            Needs = Enum.GetValues<AccessibilityNeeds>().Where(n => n != AccessibilityNeeds.None && resident.AccessibilityNeeds.HasFlag(n)).Select(n => n.ToString()).ToList(),
            StatisticsConsent = resident.StatisticsConsent,
        };
    }
}
