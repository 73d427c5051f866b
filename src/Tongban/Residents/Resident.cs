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

/// <summary>How an ID number was proven to belong to the person whose account holds it.</summary>
public enum IdNumberProof
{
    /// <summary>A counter clerk saw or read her ID card (recorded on the assisted session).</summary>
    ClerkSawCard,

    /// <summary>A paper form she signed came by post with a copy of her card, checked by a clerk.</summary>
    CardCopyByPost,

    /// <summary>The real-name verification service matched the number, her name and the mobile she signs in with.</summary>
    RealNameService,
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

    /// <summary>E.164 mobile number; unique, since it is how she signs in. Set only once a code sent to it was entered.</summary>
    public string? MobileNumber { get; set; }

    /// <summary>
    /// A number a clerk typed for her and nobody has yet proven by entering a code sent to it: not a way to
    /// sign in, so that whoever holds a mistyped number does not reach her account (see docs/adr/0016).
    /// </summary>
    public string? UnconfirmedMobileNumber { get; set; }

    public string? FullName { get; set; }

    /// <summary>
    /// 18-character resident ID number, upper case, unique, and proven (<see cref="IdNumberProof"/>): only this one
    /// lets others find her, name her as a proxy or read what the city holds about her.
    /// </summary>
    public string? IdNumber { get; set; }

    /// <summary>How <see cref="IdNumber"/> was proven to be hers, and when.</summary>
    public IdNumberProof? IdNumberProof { get; set; }

    public DateTime? IdNumberVerifiedAt { get; set; }

    /// <summary>
    /// An ID number she typed herself and nobody has proven yet: shown back to her and used in her own forms,
    /// but it grants nothing and is not unique, so that typing someone else's number takes nothing from them.
    /// </summary>
    public string? ClaimedIdNumber { get; set; }

    /// <summary>The ID number as she gave it, proven or not: for her own forms and her own eyes only.</summary>
    public string? OwnIdNumber => IdNumber ?? ClaimedIdNumber;

    public DateOnly? DateOfBirth { get; set; }
    public string? DistrictCode { get; set; }

    /// <summary>Whether her household registration (户籍) is in Shenzhen; null while the city does not know.</summary>
    public bool? LocalHukou { get; set; }

    /// <summary>"zh-CN" or "en": the language of letters, messages and calls.</summary>
    public string? PreferredLanguage { get; set; }

    public ContactChannel ContactChannel { get; set; }
    public string? PostalAddress { get; set; }

    /// <summary>For messages by email, when she prefers them.</summary>
    public string? Email { get; set; }
    public AccessibilityNeeds AccessibilityNeeds { get; set; }

    /// <summary>Whether her group attributes (age band, district, language, needs) may count in anonymous statistics.</summary>
    public bool StatisticsConsent { get; set; }

    /// <summary>She asked the city not to offer her services on its own initiative (see Entitlements): respected on every channel.</summary>
    public bool NoProactiveOffers { get; set; }

    /// <summary>Changes on "sign out everywhere"; every cookie carries the one it was issued with.</summary>
    public string SecurityStamp { get; set; } = Guid.NewGuid().ToString("N");

    public DateTime CreatedAt { get; set; }
    public DateTime? LastSignedInAt { get; set; }
}
