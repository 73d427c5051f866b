namespace Tongban.Residents;

/// <summary>How the resident wants to hear from the city.</summary>
public enum ContactChannel
{
    Sms,
    App,
    PhoneCall,
    Letter,
    Email,
}

/// <summary>What the resident asks the city to allow for, on every channel.</summary>
[Flags]
public enum AccessibilityNeeds
{
    None = 0,
    LargeText = 1,
    ScreenReader = 2,
    SignLanguage = 4,
    HelpWithForms = 8,
}

/// <summary>
/// A person the city serves. Created the first time she signs in, or by a clerk who registers her at a
/// counter (then she may have no mobile number); her profile grows from there.
/// </summary>
public sealed class Resident
{
    public const int MaxNameLength = 50;
    public const int MaxAddressLength = 200;
    public const int MaxEmailLength = 254;

    public Guid Id { get; set; }

    /// <summary>E.164 mobile number; unique, since it is how she signs in.</summary>
    public string? MobileNumber { get; set; }

    public string? FullName { get; set; }

    /// <summary>18-character resident ID number, upper case; unique.</summary>
    public string? IdNumber { get; set; }

    public DateOnly? DateOfBirth { get; set; }
    public string? DistrictCode { get; set; }

    /// <summary>"zh-CN" or "en": the language of letters, messages and calls.</summary>
    public string? PreferredLanguage { get; set; }

    public ContactChannel ContactChannel { get; set; }
    public string? PostalAddress { get; set; }

    /// <summary>For messages by email, when she prefers them.</summary>
    public string? Email { get; set; }
    public AccessibilityNeeds AccessibilityNeeds { get; set; }

    /// <summary>Whether her group attributes (age band, district, language, needs) may count in anonymous statistics.</summary>
    public bool StatisticsConsent { get; set; }

    /// <summary>Changes on "sign out everywhere"; every cookie carries the one it was issued with.</summary>
    public string SecurityStamp { get; set; } = Guid.NewGuid().ToString("N");

    public DateTime CreatedAt { get; set; }
    public DateTime? LastSignedInAt { get; set; }
}
