using Tongban.Catalogue.Entitlements;
using Tongban.Catalogue.Forms;
using Tongban.Catalogue.Search;

namespace Tongban.Catalogue;

/// <summary>
/// The whole current catalogue in memory, with its search index. The catalogue changes only when it is
/// imported, so pages read this snapshot instead of asking the database on every request. Treat every
/// object in it as read-only: it is shared by all requests.
/// </summary>
public sealed class CatalogueSnapshot
{
    private readonly Dictionary<string, Service> _services;
    private readonly Dictionary<string, LifeEvent> _lifeEvents;
    private readonly Dictionary<string, Department> _departments;
    private readonly Dictionary<string, ServiceHall> _halls;
    private readonly Dictionary<string, FormDefinition> _forms;
    private readonly Dictionary<string, Entitlement> _entitlements;

    public CatalogueSnapshot(
        IReadOnlyList<Department> departments,
        IReadOnlyList<District> districts,
        IReadOnlyList<Service> services,
        IReadOnlyList<LifeEvent> lifeEvents)
    {
        Departments = departments;
        Districts = districts;
        Services = services;
        LifeEvents = lifeEvents;
        Halls = districts.SelectMany(d => d.Halls).ToList();
        _services = services.ToDictionary(s => s.Code, StringComparer.Ordinal);
        _lifeEvents = lifeEvents.ToDictionary(e => e.Code, StringComparer.Ordinal);
        _departments = departments.ToDictionary(d => d.Code, StringComparer.Ordinal);
        _halls = Halls.ToDictionary(h => h.Code, StringComparer.Ordinal);
        _forms = services.Where(s => s.FormJson is not null).ToDictionary(s => s.Code, s => FormJson.Read(s.FormJson!), StringComparer.Ordinal);
        Search = new SearchIndex(services, lifeEvents);
        Entitlements = services.Where(s => s.EntitlementJson is not null && s.RetiredAt is null).Select(s => Catalogue.Entitlements.Entitlement.FromJson(s.EntitlementJson!)).ToList();
        _entitlements = Entitlements.ToDictionary(e => e.ServiceCode, StringComparer.Ordinal);
    }

    /// <summary>What the city offers before she asks, one per service that says so.</summary>
    public IReadOnlyList<Entitlement> Entitlements { get; }

    /// <summary>The entitlement of a service, if the city offers it before she asks.</summary>
    public Entitlement? Entitlement(string? serviceCode) => serviceCode is not null && _entitlements.TryGetValue(serviceCode, out var e) ? e : null;

    /// <summary>Departments by code, each with its current services by code.</summary>
    public IReadOnlyList<Department> Departments { get; }

    /// <summary>Districts in catalogue order, each with its halls.</summary>
    public IReadOnlyList<District> Districts { get; }

    public IReadOnlyList<ServiceHall> Halls { get; }

    /// <summary>Current (not retired) services by code, with department and category.</summary>
    public IReadOnlyList<Service> Services { get; }

    public IReadOnlyList<LifeEvent> LifeEvents { get; }

    public SearchIndex Search { get; }

    public Service? Service(string? code) => code is not null && _services.TryGetValue(code, out var s) ? s : null;

    public LifeEvent? LifeEvent(string? code) => code is not null && _lifeEvents.TryGetValue(code, out var e) ? e : null;

    public Department? Department(string? code) => code is not null && _departments.TryGetValue(code, out var d) ? d : null;

    public ServiceHall? Hall(string? code) => code is not null && _halls.TryGetValue(code, out var h) ? h : null;

    public FormDefinition? Form(string? serviceCode) => serviceCode is not null && _forms.TryGetValue(serviceCode, out var f) ? f : null;

    /// <summary>The form behind <c>/services/{code}/apply</c> or <c>/life-events/{code}/apply</c>; null when there is none.</summary>
    public ApplicationForm? ApplicationForm(string kind, string code) => kind switch
    {
        "services" when Service(code) is { } service => Forms.ApplicationForm.ForService(service, Form(code)),
        "life-events" when LifeEvent(code) is { } lifeEvent =>
            Forms.ApplicationForm.ForLifeEvent(lifeEvent, StepsOf(lifeEvent).Where(s => Form(s.Code) is not null).Select(s => (s, Form(s.Code)!)).ToList()),
        _ => null,
    };

    /// <summary>The halls where a service can be done at a counter: the ones its channel names, or all of them.</summary>
    public IReadOnlyList<ServiceHall> HallsFor(Service service)
    {
        ArgumentNullException.ThrowIfNull(service);
        var counter = service.Channels.FirstOrDefault(c => c.Channel == Channel.Counter);
        if (counter is null)
        {
            return [];
        }

        return counter.HallCodes.Count == 0 ? Halls : Halls.Where(h => counter.HallCodes.Contains(h.Code)).ToList();
    }

    /// <summary>A life event's current services, in its order.</summary>
    public IReadOnlyList<Service> StepsOf(LifeEvent lifeEvent)
    {
        ArgumentNullException.ThrowIfNull(lifeEvent);
        return lifeEvent.ServiceCodes.Select(Service).OfType<Service>().ToList();
    }
}
