using Microsoft.Extensions.Localization;
using Tongban.Catalogue;
using Tongban.Platform.Calendar;
using Tongban.Platform.Data;
using Tongban.Platform.Localization;
using Tongban.Platform.Web;
using Tongban.Residents.Profile;

namespace Tongban.Residents.Delegations;

/// <summary>The grant form as typed, kept whole when something needs correcting.</summary>
public sealed class GrantInput
{
    public string? Proxy { get; set; }
    public string? ProxyName { get; set; }

    /// <summary>"all" or "listed".</summary>
    public string? Scope { get; set; }

    public IList<string> Services { get; set; } = [];

    /// <summary>She asks them to rate services for her too.</summary>
    public bool MayRate { get; set; }
    public string? UntilDay { get; set; }
    public string? UntilMonth { get; set; }
    public string? UntilYear { get; set; }
}

/// <summary>A resident names a person (by mobile or ID number) who may act for her; it starts when that person accepts.</summary>
public sealed class GrantDelegation(AppDbContext db, CatalogueStore catalogue, TimeProvider clock, IStringLocalizer<SharedResource> t)
{
    /// <summary>Long enough for a parent abroad for years, short enough that it is looked at again.</summary>
    public const int MaxYears = 5;

    public async Task<IReadOnlyList<FieldError>> Handle(Guid grantorId, GrantInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = clock.Today();
        var errors = new List<FieldError>();
        var grantor = await db.Residents.FindAsync([grantorId], cancellationToken) ?? throw new InvalidOperationException("Signed-in resident not found.");

        string? mobile = null, idNumber = null;
        var typed = (input.Proxy ?? "").Trim();
        if (typed.Length == 0)
        {
            errors.Add(new("proxy", t["Enter the mobile number or ID number of the person who will act for you."]));
        }
        else if (MobileNumber.Normalize(typed) is { } e164)
        {
            mobile = e164;
        }
        else if (typed.Any(char.IsAsciiLetter) || ResidentIdNumber.Normalize(typed).Length >= 15)
        {
            var problem = ResidentIdNumber.Check(typed, today);
            if (problem == ResidentIdProblem.None)
            {
                idNumber = ResidentIdNumber.Normalize(typed);
            }
            else
            {
                errors.Add(new("proxy", ResidentIdMessages.For(problem, t)));
            }
        }
        else
        {
            errors.Add(new("proxy", t["Enter a mainland mobile number (11 digits) or an 18-character ID number."]));
        }

        if ((mobile is not null && mobile == grantor.MobileNumber) || (idNumber is not null && idNumber == grantor.IdNumber))
        {
            errors.Add(new("proxy", t["That is your own number. Enter the number of the person who will act for you."]));
        }

        var name = PersonName.Normalize(input.ProxyName);
        if (name.Length == 0)
        {
            errors.Add(new("proxyName", t["Enter the name of the person who will act for you."]));
        }
        else if (name.Length > Delegation.MaxProxyNameLength || !PersonName.IsWellFormed(name))
        {
            errors.Add(new("proxyName", t["Write the name with letters, spaces and · only, at most {0} characters.", Delegation.MaxProxyNameLength]));
        }

        var snapshot = await catalogue.Current(cancellationToken);
        var allServices = input.Scope == "all";
        var services = input.Services.Distinct().ToList();
        if (input.Scope is not ("all" or "listed"))
        {
            errors.Add(new("scope-all", t["Choose what the person may do for you."]));
        }
        else if (!allServices && services.Count == 0)
        {
            errors.Add(new("scope-listed", t["Choose at least one service, or choose all services."]));
        }
        else if (!allServices && services.Any(code => snapshot.Service(code) is null))
        {
            errors.Add(new("scope-listed", t["Choose services from the list."]));
        }

        var until = ReadDate(input, errors);
        if (until is { } date && (date < today || date > today.AddYears(MaxYears)))
        {
            errors.Add(new("untilDay", t["Choose a date from today up to {0} years ahead.", MaxYears]));
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        db.Delegations.Add(new Delegation
        {
            Id = Guid.NewGuid(),
            GrantorId = grantorId,
            ProxyMobile = mobile,
            ProxyIdNumber = idNumber,
            ProxyName = name,
            AllServices = allServices,
            ServiceCodes = allServices ? [] : services,
            MayRate = input.MayRate,
            ValidUntil = until!.Value,
            CreatedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }

    private DateOnly? ReadDate(GrantInput input, List<FieldError> errors)
    {
        var (date, problem) = DateInput.Read(input.UntilDay, input.UntilMonth, input.UntilYear);
        if (problem is DateInputProblem.Empty or DateInputProblem.NotNumbers)
        {
            errors.Add(new("untilDay", t["Enter the last day as day, month and year in numbers, for example 31 12 2027."]));
        }
        else if (problem == DateInputProblem.Impossible)
        {
            errors.Add(new("untilDay", t["This date does not exist. Check the day, month and year."]));
        }

        return date;
    }
}
