using System.Security.Claims;
using Tongban.Platform.Auth;

namespace Tongban.Staff;

/// <summary>The claims a staff cookie carries: who, which role, where, and the account's security stamp.</summary>
public static class StaffPrincipal
{
    public const string DepartmentClaim = "tongban:department";
    public const string HallClaim = "tongban:hall";
    public const string DistrictClaim = "tongban:district";

    public static ClaimsPrincipal For(StaffMember staff)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, staff.Id.ToString()),
            new(ClaimTypes.Name, staff.DisplayName),
            new(ClaimTypes.Role, staff.Role.ToString()),
            new(AuthSetup.StampClaim, staff.SecurityStamp),
        };
        if (staff.DepartmentCode is { } department)
        {
            claims.Add(new(DepartmentClaim, department));
        }

        if (staff.HallCode is { } hall)
        {
            claims.Add(new(HallClaim, hall));
        }

        if (staff.DistrictCode is { } district)
        {
            claims.Add(new(DistrictClaim, district));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, AuthSetup.StaffScheme));
    }

    public static StaffRole? Role(this ClaimsPrincipal user) =>
        Enum.TryParse<StaffRole>(user?.FindFirstValue(ClaimTypes.Role), out var role) ? role : null;
}
