namespace Tongban.Residents.Certificates;

/// <summary>
/// E-certificates of the demo city, so that once-only can be tried: apply for the death benefit
/// (丧葬补助金) and give the deceased's ID number below; the death certificate is not asked for.
/// Created only when <c>Demo:Certificates</c> is true (Development).
/// </summary>
public static class DemoCertificates
{
    public static IReadOnlyList<ECertificate> All { get; } =
    [
        // Names 王秀英, the demo real-name register's person, as next of kin: once she proves her ID number, the city
        // offers her the funeral fee waiver (/me/entitlements).
        new() { Kind = "death-certificate", HolderIdNumber = "440305193807150127", NamedIdNumber = "440304195603270023", Number = "Q440305-2026-001873", IssuedBy = "南山区人民医院", IssuedOn = new DateOnly(2026, 11, 2) },
        new() { Kind = "death-certificate", HolderIdNumber = "440303194503020237", Number = "Q440303-2026-002415", IssuedBy = "罗湖区人民医院", IssuedOn = new DateOnly(2026, 10, 19) },
    ];
}
