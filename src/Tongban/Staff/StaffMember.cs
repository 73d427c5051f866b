namespace Tongban.Staff;

/// <summary>What a member of staff may do. Each role works within a department, a hall, or city-wide.</summary>
public enum StaffRole
{
    CounterClerk,
    HotlineAgent,
    CaseOfficer,
    DepartmentHead,
    Analyst,
    Operator,

    /// <summary>A community (社区) worker: reaches, in person, the residents of her district no message reached.</summary>
    CommunityWorker,
}

/// <summary>A member of staff: signs in with a password and a TOTP code from an authenticator app.</summary>
public sealed class StaffMember
{
    public const int MaxFailedSignIns = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public Guid Id { get; set; }

    /// <summary>Lower case; what staff type to sign in.</summary>
    public required string UserName { get; set; }

    public required string DisplayName { get; set; }
    public StaffRole Role { get; set; }

    /// <summary>The department a CaseOfficer or DepartmentHead works for (catalogue code).</summary>
    public string? DepartmentCode { get; set; }

    /// <summary>The service hall a CounterClerk works at (catalogue code).</summary>
    public string? HallCode { get; set; }

    /// <summary>The district a CommunityWorker serves (catalogue code): the one outreach list she sees.</summary>
    public string? DistrictCode { get; set; }

    /// <summary>ASP.NET Core Identity's password hash (PBKDF2, versioned, salted).</summary>
    public required string PasswordHash { get; set; }

    /// <summary>Base32 TOTP secret shared with the authenticator app.</summary>
    public required string TotpSecret { get; set; }

    /// <summary>The last TOTP time step accepted, so that a code cannot be used twice.</summary>
    public long LastTotpStep { get; set; }

    /// <summary>Changes on "sign out everywhere" or deactivation; every cookie carries the one it was issued with.</summary>
    public string SecurityStamp { get; set; } = Guid.NewGuid().ToString("N");

    public bool Active { get; set; } = true;
}
