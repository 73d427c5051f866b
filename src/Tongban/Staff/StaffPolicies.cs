using Microsoft.AspNetCore.Authorization;
using Tongban.Platform.Auth;

namespace Tongban.Staff;

/// <summary>
/// The staff roles' named policies: a page says which role it is for in its [Authorize] attribute, once, and
/// its handlers never check a role again. Refused is a plain 403 (see AuthSetup).
/// </summary>
public static class StaffPolicies
{
    /// <summary>Helping a resident at a counter or on the hotline (帮办代办).</summary>
    public const string Assist = "Staff.Assist";

    /// <summary>At a counter, where her identity card can be seen: settling identity disputes.</summary>
    public const string Counter = "Staff.Counter";

    /// <summary>The department head: the department's overview.</summary>
    public const string DepartmentHead = "Staff.DepartmentHead";

    /// <summary>Who is left behind, for the city (analysts) or one department (its head), with alerts and where people give up.</summary>
    public const string Insights = "Staff.Insights";

    /// <summary>The platform's operators: the audit log, the print room.</summary>
    public const string Operator = "Staff.Operator";

    /// <summary>Residents no message reached about what they are entitled to (community workers, their district; the hotline), and an offer found by its reference (the hotline, a counter).</summary>
    public const string Outreach = "Staff.Outreach";

    /// <summary>Messages that could not be delivered: operators and the hotline, who can call her.</summary>
    public const string Undelivered = "Staff.Undelivered";

    public static AuthorizationBuilder AddStaffPolicies(this AuthorizationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .AddPolicy(Assist, p => Roles(p, StaffRole.CounterClerk, StaffRole.HotlineAgent))
            .AddPolicy(Counter, p => Roles(p, StaffRole.CounterClerk))
            .AddPolicy(DepartmentHead, p => Roles(p, StaffRole.DepartmentHead).RequireClaim(StaffPrincipal.DepartmentClaim))
            .AddPolicy(Insights, p => Roles(p, StaffRole.Analyst, StaffRole.DepartmentHead))
            .AddPolicy(Operator, p => Roles(p, StaffRole.Operator))
            .AddPolicy(Outreach, p => Roles(p, StaffRole.CommunityWorker, StaffRole.HotlineAgent, StaffRole.CounterClerk))
            .AddPolicy(Undelivered, p => Roles(p, StaffRole.Operator, StaffRole.HotlineAgent));
    }

    private static AuthorizationPolicyBuilder Roles(AuthorizationPolicyBuilder policy, params StaffRole[] roles) =>
        policy.AddAuthenticationSchemes(AuthSetup.StaffScheme).RequireAuthenticatedUser().RequireRole(roles.Select(r => r.ToString()));
}
