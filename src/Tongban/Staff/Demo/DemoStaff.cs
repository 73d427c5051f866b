namespace Tongban.Staff.Demo;

/// <summary>One demo account, so that a newcomer can try every side of Tongban (listed in the README).</summary>
public sealed record DemoStaffAccount(string UserName, string DisplayName, StaffRole Role, string? DepartmentCode, string? HallCode, string TotpSecret, string? DistrictCode = null);

/// <summary>
/// The demo city's staff. Created only when <c>Demo:StaffAccounts</c> is true (Development), never in
/// production. Every account has the same password; the TOTP codes are shown at <c>/dev/staff-codes</c>.
/// </summary>
public static class DemoStaff
{
    public const string Password = "Tongban-demo-2026";

    public static readonly IReadOnlyList<DemoStaffAccount> Accounts =
    [
        new("clerk.futian", "陈晓雯", StaffRole.CounterClerk, null, "futian-hall", "J5AHV7TVQITORLX5YLQ4ZRIDDBT4F52C"),
        new("clerk.nanshan", "黄丽娟", StaffRole.CounterClerk, null, "nanshan-hall", "RBJJH2AHWAHPGF6Q34VDJU7FQ7UEOPMP"),
        new("agent.12345", "李建国", StaffRole.HotlineAgent, null, null, "CDSN76HZ7DBLKTJLI2GK4DB34LODLS6S"),
        new("officer.hr", "王芳", StaffRole.CaseOfficer, "human-resources", null, "WZ4YVFQEZ6CIQ6NIJUKCZ2RSTJFEVXYH"),
        new("officer.civil", "赵磊", StaffRole.CaseOfficer, "civil-affairs", null, "3OW7LCF2NVS6TN77A4K5S4E3E5NEIPMF"),
        new("officer2.civil", "吴静", StaffRole.CaseOfficer, "civil-affairs", null, "GPTVXX3EKP6GCLHTBUQLXT2RT27G7RJR"),
        new("head.hr", "刘洋", StaffRole.DepartmentHead, "human-resources", null, "IDYQQHBO7LNCGM4CM7NWYMY7536T4TUR"),
        new("head.civil", "郑红", StaffRole.DepartmentHead, "civil-affairs", null, "ICWMSKYDFHS6BGOERP7MTLRL4WYD5MNJ"),
        new("officer.gov", "何静怡", StaffRole.CaseOfficer, "government-services", null, "GARCZ44LNBQP6RAHRCOGSSTGZUUXODU4"),
        new("head.gov", "梁志强", StaffRole.DepartmentHead, "government-services", null, "TSCUW72UECLVXVIXV7VFNYXBZ7LVT5JO"),
        new("analyst", "周敏", StaffRole.Analyst, null, null, "SXERATG3ELTWS7QPBI2ENICN6FD6GFAW"),
        new("operator", "孙涛", StaffRole.Operator, null, null, "MM6DGBTQMNZ5J33PH7W7H7WGD4HKLBIE"),
        new("worker.futian", "林秀英", StaffRole.CommunityWorker, null, null, "N2GQZ7XKLPR4MWA6TYB3HDC5VJE7FUKS", "futian"),
    ];
}
