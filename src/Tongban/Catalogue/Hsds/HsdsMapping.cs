using System.Globalization;
using Microsoft.Extensions.Localization;
using Tongban.Platform.Localization;

namespace Tongban.Catalogue.Hsds;

/// <summary>Maps catalogue entities to HSDS 3.0, in the request's language.</summary>
public sealed class HsdsMapping(IStringLocalizer<SharedResource> t)
{
    // Shenzhen's general postcode: halls in the catalogue carry no postcode of their own yet.
    private const string CityPostalCode = "518000";

    public HsdsServiceSummary Summary(Service s, string site)
    {
        ArgumentNullException.ThrowIfNull(s);
        var culture = CultureInfo.CurrentUICulture;
        var days = s.TimeLimitWorkingDays;
        return new HsdsServiceSummary(
            HsdsIds.Service(s.Code),
            HsdsIds.For("department", s.Department!.Code).ToString(),
            s.Name.In(culture),
            s.Summary.In(culture),
            $"{site}/services/{s.Code}",
            s.RetiredAt is null ? "active" : "defunct",
            string.Join(" ", s.Channels.Select(c => $"{t["Channel." + c.Channel]}: {t["How." + c.Channel]}")),
            s.Fee.In(culture),
            days == 0 ? t["Handled at once"] : t["Time limit: {0} working days", days],
            s.Eligibility.In(culture),
            s.UpdatedAt,
            Organization(s.Department, withPhones: false));
    }

    public HsdsService Full(Service s, IReadOnlyList<ServiceHall> halls, string site)
    {
        ArgumentNullException.ThrowIfNull(s);
        var culture = CultureInfo.CurrentUICulture;
        var summary = Summary(s, site) with { Organization = Organization(s.Department!, withPhones: true) };
        var phones = new List<HsdsPhone>
        {
            new(Id("phone", s.Code, "hotline"), "12345", "voice", t["Call the city hotline"]),
            new(Id("phone", s.Code, "department"), s.Department!.Phone, "voice", s.Department.Name.In(culture)),
        };
        var languages = new[] { new HsdsLanguage(Id("language", s.Code, "zh"), "中文", "zh"), new HsdsLanguage(Id("language", s.Code, "en"), "English", "en") };
        var documents = s.Materials.Select((m, i) => new HsdsRequiredDocument(Id("document", s.Code, i.ToString(CultureInfo.InvariantCulture)), m.Name.In(culture))).ToList();
        var locations = halls.Select(h => new HsdsServiceAtLocation(
            Id("service-at-location", s.Code, h.Code),
            summary.Id,
            HsdsIds.For("hall", h.Code).ToString(),
            Location(h, site))).ToList();
        return new HsdsService(summary, phones, languages, documents, locations);
    }

    private HsdsLocation Location(ServiceHall h, string site)
    {
        var culture = CultureInfo.CurrentUICulture;
        var id = HsdsIds.For("hall", h.Code).ToString();
        var access = new List<HsdsAccessibility>();
        if (h.StepFree)
        {
            access.Add(new(Id("accessibility", h.Code, "step-free"), t["Step-free entrance"]));
        }

        if (h.HearingLoop)
        {
            access.Add(new(Id("accessibility", h.Code, "hearing-loop"), t["Hearing loop"]));
        }

        if (h.PriorityCounter)
        {
            access.Add(new(Id("accessibility", h.Code, "priority"), t["Priority counter for older, disabled and pregnant people"]));
        }

        return new HsdsLocation(
            id,
            "physical",
            h.Name.In(culture),
            $"{site}/halls/{h.Code}",
            [new HsdsAddress(Id("address", h.Code), h.Address.In(culture), culture.TwoLetterISOLanguageName == "en" ? "Shenzhen" : "深圳市",
                h.District!.Name.In(culture), culture.TwoLetterISOLanguageName == "en" ? "Guangdong" : "广东省", CityPostalCode, "CN", "physical")],
            [new HsdsPhone(Id("phone", h.Code), h.Phone, "voice")],
            [new HsdsSchedule(Id("schedule", h.Code), h.OpeningHours.In(culture))],
            access);
    }

    private static HsdsOrganization Organization(Department d, bool withPhones)
    {
        var culture = CultureInfo.CurrentUICulture;
        var name = d.Name.In(culture);
        return new HsdsOrganization(
            HsdsIds.For("department", d.Code).ToString(),
            name,
            name,
            Phones: withPhones ? [new HsdsPhone(Id("phone", "department", d.Code), d.Phone, "voice")] : null);
    }

    private static string Id(string kind, params string[] parts) => HsdsIds.For(kind, string.Join(":", parts)).ToString();
}
