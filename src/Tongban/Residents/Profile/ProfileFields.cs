namespace Tongban.Residents.Profile;

/// <summary>The parts of her profile, named as a message to her lists what someone else changed.</summary>
public static class ProfileFields
{
    /// <summary>The fields that differ between two states of her record, each as the English text (a resource key) that names it.</summary>
    public static IReadOnlyList<string> Changed(Resident before, Resident after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changed = new List<string>();
        void Check(bool differs, string name)
        {
            if (differs)
            {
                changed.Add(name);
            }
        }

        Check(before.FullName != after.FullName, "your name");
        Check(before.ClaimedIdNumber != after.ClaimedIdNumber, "your ID number");
        Check(before.DateOfBirth != after.DateOfBirth, "your date of birth");
        Check(before.DistrictCode != after.DistrictCode, "your district");
        Check(before.PreferredLanguage != after.PreferredLanguage, "your language");
        Check(before.ContactChannel != after.ContactChannel, "how we contact you");
        Check(before.PostalAddress != after.PostalAddress, "your postal address");
        Check(before.Email != after.Email, "your email address");
        Check(before.AccessibilityNeeds != after.AccessibilityNeeds, "what you need us to allow for");
        Check(before.StatisticsConsent != after.StatisticsConsent, "your consent to statistics");
        return changed;
    }

    /// <summary>A copy of what <see cref="Changed"/> compares and what reaching her needs.</summary>
    public static Resident Copy(Resident resident)
    {
        ArgumentNullException.ThrowIfNull(resident);
        return new Resident
        {
            Id = resident.Id,
            MobileNumber = resident.MobileNumber,
            FullName = resident.FullName,
            ClaimedIdNumber = resident.ClaimedIdNumber,
            DateOfBirth = resident.DateOfBirth,
            DistrictCode = resident.DistrictCode,
            PreferredLanguage = resident.PreferredLanguage,
            ContactChannel = resident.ContactChannel,
            PostalAddress = resident.PostalAddress,
            Email = resident.Email,
            AccessibilityNeeds = resident.AccessibilityNeeds,
            StatisticsConsent = resident.StatisticsConsent,
        };
    }
}
