using Tongban.Platform.Localization;

namespace Tongban.Catalogue.Forms;

/// <summary>
/// What one sitting of a resident fills in: a service's form, or a life event's combined form that asks
/// each shared question once and makes one case per service.
/// </summary>
/// <param name="Kind">"services" or "life-events", as in the address.</param>
/// <param name="Code">The service's or life event's code.</param>
/// <param name="Title">The service's or life event's name.</param>
/// <param name="Questions">Every question, each once, in the order first asked.</param>
/// <param name="Services">The services it makes a case for, each with its own form and rules.</param>
public sealed record ApplicationForm(string Kind, string Code, LocalizedText Title, IReadOnlyList<Question> Questions, IReadOnlyList<(Service Service, FormDefinition Form)> Services)
{
    /// <summary>How drafts name the form: "services/elderly-allowance", "life-events/retirement".</summary>
    public string Key => $"{Kind}/{Code}";

    public string Path => $"/{Kind}/{Code}/apply";

    /// <summary>The same form without some of its services, asking only what the others need.</summary>
    public ApplicationForm Without(IReadOnlyCollection<string> serviceCodes)
    {
        ArgumentNullException.ThrowIfNull(serviceCodes);
        var kept = Services.Where(s => !serviceCodes.Contains(s.Service.Code)).ToList();
        return this with { Services = kept, Questions = kept.SelectMany(s => s.Form.Questions).DistinctBy(q => q.Id).ToList() };
    }

    public static ApplicationForm? ForService(Service service, FormDefinition? form) =>
        form is null ? null : new("services", service.Code, service.Name, form.Questions, [(service, form)]);

    public static ApplicationForm? ForLifeEvent(LifeEvent lifeEvent, IReadOnlyList<(Service Service, FormDefinition Form)> services)
    {
        ArgumentNullException.ThrowIfNull(lifeEvent);
        ArgumentNullException.ThrowIfNull(services);
        if (services.Count == 0)
        {
            return null;
        }

        var questions = services.SelectMany(s => s.Form.Questions).DistinctBy(q => q.Id).ToList();
        return new("life-events", lifeEvent.Code, lifeEvent.Name, questions, services);
    }
}
