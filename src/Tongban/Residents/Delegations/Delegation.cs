using Tongban.Platform.Calendar;

namespace Tongban.Residents.Delegations;

/// <summary>
/// 亲友代办: a resident (the grantor) lets a person she names by mobile or ID number (the proxy) act for
/// her, for all services or listed ones, until a date. It starts when the proxy accepts and ends at once
/// when either side revokes it.
/// </summary>
public sealed class Delegation
{
    public const int MaxProxyNameLength = 50;

    public Guid Id { get; set; }
    public Guid GrantorId { get; set; }

    /// <summary>How the grantor named the proxy: one of these two, normalised (E.164, upper-case ID).</summary>
    public string? ProxyMobile { get; set; }
    public string? ProxyIdNumber { get; set; }

    /// <summary>What the grantor calls the proxy ("my son Wei"), shown to her only.</summary>
    public required string ProxyName { get; set; }

    /// <summary>The proxy's account, from when she accepts.</summary>
    public Guid? ProxyId { get; set; }

    /// <summary>All services, including seeing the profile; otherwise only <see cref="ServiceCodes"/>.</summary>
    public bool AllServices { get; set; }

    public List<string> ServiceCodes { get; set; } = [];

    /// <summary>She asked the proxy to rate services for her too (好差评): without it a proxy may act but not rate, since a rating speaks for her.</summary>
    public bool MayRate { get; set; }

    /// <summary>The last day it is valid on (China time); it ends at the midnight after.</summary>
    public DateOnly ValidUntil { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? AcceptedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public Guid? RevokedBy { get; set; }

    /// <summary>Midnight after <see cref="ValidUntil"/> in China time, as UTC.</summary>
    public DateTime EndsAt => CityTime.StartOfDayUtc(ValidUntil.AddDays(1));

    public bool IsExpired(DateTime now) => now >= EndsAt;

    public bool IsActive(DateTime now) => AcceptedAt is not null && RevokedAt is null && !IsExpired(now);

    public bool Covers(string? serviceCode) => AllServices || (serviceCode is not null && ServiceCodes.Contains(serviceCode));
}
