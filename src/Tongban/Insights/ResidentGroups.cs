using Tongban.Residents;

namespace Tongban.Insights;

/// <summary>The groups a resident counts in, one code per dimension of people (<see cref="Dimension.Unknown"/> where not known or not agreed to).</summary>
public static class ResidentGroups
{
    /// <summary>Codes in the order of <see cref="Dimension.All"/>, the channel left out.</summary>
    public static string[] Of(Resident resident, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(resident);
        if (!resident.StatisticsConsent)
        {
            return [Dimension.Unknown, Dimension.Unknown, Dimension.Unknown, Dimension.Unknown, Dimension.Unknown, Dimension.Unknown];
        }

        return
        [
            AgeBand(resident.DateOfBirth, today),
            resident.DistrictCode ?? Dimension.Unknown,
            SexOf(resident.OwnIdNumber),
            resident.LocalHukou switch { true => "local", false => "other", null => Dimension.Unknown },
            resident.PreferredLanguage ?? Dimension.Unknown,
            resident.AccessibilityNeeds == AccessibilityNeeds.None ? "none" : "some",
        ];
    }

    public static string AgeBand(DateOnly? born, DateOnly today)
    {
        if (born is not { } b)
        {
            return Dimension.Unknown;
        }

        var age = today.Year - b.Year - (b.AddYears(today.Year - b.Year) > today ? 1 : 0);
        return age switch
        {
            < 18 => Dimension.Unknown, // the platform's applicants are adults; a child's application is made by a parent
            < 25 => "18-24",
            < 35 => "25-34",
            < 45 => "35-44",
            < 55 => "45-54",
            < 65 => "55-64",
            < 75 => "65-74",
            _ => "75+",
        };
    }

    /// <summary>The 17th digit of a resident ID number is odd for a man and even for a woman (GB 11643-1999).</summary>
    public static string SexOf(string? idNumber) =>
        idNumber is { Length: 18 } && char.IsAsciiDigit(idNumber[16]) ? ((idNumber[16] - '0') % 2 == 1 ? "male" : "female") : Dimension.Unknown;
}
