using System.Collections.Concurrent;

namespace Tongban.Residents.Identity;

/// <summary>One person as the real-name register knows her.</summary>
public sealed record RealNameRecord(string IdNumber, string FullName, string MobileNumber);

/// <summary>
/// Development only, like the SMS inbox: a register that knows the people listed under
/// <c>RealName:Development:People</c> and those added at <c>/dev/real-name</c>. Everyone else is no match.
/// </summary>
public sealed class DevelopmentRealNameRegister : IRealNameCheck
{
    private readonly ConcurrentDictionary<string, RealNameRecord> _people = new(StringComparer.Ordinal);

    public DevelopmentRealNameRegister(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (var person in configuration.GetSection("RealName:Development:People").GetChildren())
        {
            Add(person["IdNumber"] ?? "", person["FullName"] ?? "", person["Mobile"] ?? "");
        }
    }

    public IReadOnlyCollection<RealNameRecord> People => _people.Values.OrderBy(p => p.IdNumber, StringComparer.Ordinal).ToList();

    /// <returns>Whether the three were well formed and are now known.</returns>
    public bool Add(string idNumber, string fullName, string mobile)
    {
        var id = ResidentIdNumber.Normalize(idNumber);
        var name = Profile.PersonName.Normalize(fullName);
        if (ResidentIdNumber.Check(id, DateOnly.MaxValue) != ResidentIdProblem.None || name.Length == 0 || MobileNumber.Normalize(mobile) is not { } e164)
        {
            return false;
        }

        _people[id] = new(id, name, e164);
        return true;
    }

    public Task<RealNameAnswer> Check(string idNumber, string fullName, string mobileNumber, CancellationToken cancellationToken) =>
        Task.FromResult(_people.TryGetValue(idNumber, out var known) && known.FullName == fullName && known.MobileNumber == mobileNumber
            ? RealNameAnswer.Match
            : RealNameAnswer.NoMatch);
}
