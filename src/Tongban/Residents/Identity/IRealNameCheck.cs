namespace Tongban.Residents.Identity;

public enum RealNameAnswer
{
    /// <summary>The register holds this ID number with this name, and the mobile number is registered to it.</summary>
    Match,

    /// <summary>Any of the three does not agree; the service says no more than that.</summary>
    NoMatch,

    /// <summary>The service could not be asked just now; nothing is decided.</summary>
    Unavailable,
}

/// <summary>
/// A real-name verification service (实名核验): the carriers' or the public-security register's check that an ID
/// number, a name and a mobile number belong together. Tongban asks only with the mobile number she proved by
/// signing in, so a match proves the ID number is hers.
/// </summary>
public interface IRealNameCheck
{
    Task<RealNameAnswer> Check(string idNumber, string fullName, string mobileNumber, CancellationToken cancellationToken);
}
