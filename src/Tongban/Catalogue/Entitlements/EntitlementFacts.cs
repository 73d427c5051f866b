using System.Text.RegularExpressions;

namespace Tongban.Catalogue.Entitlements;

/// <summary>
/// The names of what the city holds about a resident that an entitlement's rule and answers may read, as answers
/// (<c>a.Age("profile.dateOfBirth")</c>). Only proven or city-held facts: nothing she typed about herself.
/// </summary>
public static partial class EntitlementFacts
{
    public static readonly IReadOnlySet<string> Profile = new HashSet<string>(StringComparer.Ordinal)
    {
        "profile.fullName",
        "profile.idNumber",
        "profile.dateOfBirth",
        "profile.district",
        "profile.postalAddress",
        "profile.mobile",

        // "hukou" when her household registration is in Shenzhen, "permit" or "neither" as the city knows it.
        "profile.residency",
    };

    /// <summary>The e-certificate that occasioned the offer, and the person it is about when the city knows her.</summary>
    public static readonly IReadOnlySet<string> Occasion = new HashSet<string>(StringComparer.Ordinal)
    {
        "occasion.number",
        "occasion.issuedOn",
        "occasion.holderIdNumber",
        "occasion.holderFullName",
        "occasion.holderResidency",
    };

    /// <summary>Every fact name a rule quotes (<c>"profile.dateOfBirth"</c>), to check against the known ones.</summary>
    public static IEnumerable<string> NamedIn(string expression) =>
        Quoted().Matches(expression ?? "").Select(m => m.Groups[1].Value).Where(v => v.StartsWith("profile.", StringComparison.Ordinal) || v.StartsWith("occasion.", StringComparison.Ordinal));

    public static bool Known(string name, bool withOccasion) => Profile.Contains(name) || (withOccasion && Occasion.Contains(name));

    [GeneratedRegex("\"([a-zA-Z]+\\.[a-zA-Z]+)\"")]
    private static partial Regex Quoted();
}
