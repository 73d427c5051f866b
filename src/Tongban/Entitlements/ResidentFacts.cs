using System.Globalization;
using Tongban.Catalogue.Entitlements;
using Tongban.Residents;
using Tongban.Residents.Certificates;

namespace Tongban.Entitlements;

/// <summary>
/// What the city holds about her, named as <see cref="EntitlementFacts"/> names it, for an entitlement's rule and
/// answers. Only what is proven or the city's own: her date of birth comes from her proven ID number, never from a
/// date she typed, and a fact the city does not hold is absent (a rule that reads it does not pass).
/// </summary>
public static class ResidentFacts
{
    /// <param name="resident">Her record; she must have a proven ID number.</param>
    /// <param name="occasion">The e-certificate that occasions the offer, if the entitlement has one.</param>
    /// <param name="holder">The person the certificate is about, when the city knows her and it is not <paramref name="resident"/>.</param>
    public static Dictionary<string, string> Of(Resident resident, ECertificate? occasion = null, Resident? holder = null)
    {
        ArgumentNullException.ThrowIfNull(resident);
        var facts = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                facts[name] = value;
            }
        }

        Add("profile.fullName", resident.FullName);
        Add("profile.idNumber", resident.IdNumber);
        Add("profile.dateOfBirth", Date(resident.IdNumber is { } id ? ResidentIdNumber.BirthDate(id) : null));
        Add("profile.district", resident.DistrictCode);
        Add("profile.postalAddress", resident.PostalAddress);
        Add("profile.mobile", resident.MobileNumber);
        Add("profile.residency", Residency(resident));
        if (occasion is not null)
        {
            Add("occasion.number", occasion.Number);
            Add("occasion.issuedOn", Date(occasion.IssuedOn));
            Add("occasion.holderIdNumber", occasion.HolderIdNumber);
            Add("occasion.holderFullName", holder?.FullName);
            Add("occasion.holderResidency", holder is null ? null : Residency(holder));
        }

        return facts;
    }

    /// <summary>"hukou" when the city holds her Shenzhen household registration; nothing when it does not know.</summary>
    private static string? Residency(Resident r) => r.LocalHukou == true ? "hukou" : null;

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
