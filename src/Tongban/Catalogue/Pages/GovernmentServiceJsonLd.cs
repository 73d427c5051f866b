using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Tongban.Platform.Calendar;
using Tongban.Platform.Localization;

namespace Tongban.Catalogue.Pages;

/// <summary>
/// schema.org <c>GovernmentService</c> for a service page, with one <c>ServiceChannel</c> per channel,
/// so that search engines and assistants can tell residents every way to do it.
/// </summary>
public sealed class GovernmentServiceJsonLd(WorkingDayCalendar calendar, TimeProvider clock)
{
    // Chinese stays readable; the encoder still escapes '<', '>' and '&', so the JSON cannot close its script element.
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public string For(Service service, IReadOnlyList<ServiceHall> halls, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(http);
        var culture = CultureInfo.CurrentUICulture;
        var site = $"{http.Request.Scheme}://{http.Request.Host}";
        var pageUrl = $"{site}/services/{service.Code}";

        // processingTime is a duration in calendar days: the time limit counted from today over the real calendar.
        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        var calendarDays = calendar.AddWorkingDays(today, service.TimeLimitWorkingDays).DayNumber - today.DayNumber;
        var processingTime = $"P{calendarDays}D";
        var languages = new JsonArray("zh-CN", "en");

        var channels = new JsonArray();
        foreach (var c in service.Channels)
        {
            var channel = new JsonObject
            {
                ["@type"] = "ServiceChannel",
                ["name"] = c.Channel.ToString(),
                ["availableLanguage"] = languages.DeepClone(),
                ["processingTime"] = processingTime,
            };
            switch (c.Channel)
            {
                case Channel.Online or Channel.PartnerApp or Channel.Kiosk:
                    channel["serviceUrl"] = $"{pageUrl}#channel-{c.Channel.ToString().ToLowerInvariant()}";
                    break;
                case Channel.Hotline:
                    channel["servicePhone"] = new JsonObject { ["@type"] = "ContactPoint", ["telephone"] = "12345" };
                    break;
                case Channel.Counter:
                    channel["serviceLocation"] = new JsonArray(halls.Select(h => (JsonNode)new JsonObject
                    {
                        ["@type"] = "GovernmentOffice",
                        ["name"] = h.Name.In(culture),
                        ["address"] = h.Address.In(culture),
                        ["telephone"] = h.Phone,
                        ["url"] = $"{site}/halls/{h.Code}",
                    }).ToArray());
                    break;
                case Channel.Post:
                    channel["servicePostalAddress"] = new JsonObject { ["@type"] = "PostalAddress", ["addressLocality"] = "Shenzhen", ["name"] = service.Department!.Name.In(culture) };
                    break;
            }

            channels.Add(channel);
        }

        var json = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "GovernmentService",
            ["@id"] = pageUrl,
            ["url"] = pageUrl,
            ["name"] = service.Name.In(culture),
            ["description"] = service.Summary.In(culture),
            ["inLanguage"] = LocalizedText.LanguageTag(culture),
            ["serviceType"] = service.Category?.Name.In(culture),
            ["audience"] = new JsonObject { ["@type"] = "Audience", ["audienceType"] = service.Audience.In(culture) },
            ["areaServed"] = new JsonObject { ["@type"] = "City", ["name"] = culture.TwoLetterISOLanguageName == "en" ? "Shenzhen" : "深圳市" },
            ["provider"] = new JsonObject
            {
                ["@type"] = "GovernmentOrganization",
                ["name"] = service.Department!.Name.In(culture),
                ["telephone"] = service.Department.Phone,
                ["url"] = $"{site}/departments/{service.Department.Code}",
            },
            ["availableChannel"] = channels,
        };

        return json.ToJsonString(Options);
    }
}
