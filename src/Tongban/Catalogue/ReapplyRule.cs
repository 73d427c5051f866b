namespace Tongban.Catalogue;

/// <summary>
/// Whether and when a resident may apply for a service again (catalogue field <c>reapply</c>). Whatever the rule,
/// a service applied for through a life event and on its own counts as the same service.
/// </summary>
public enum ReapplyRule
{
    /// <summary>Again once her earlier application has ended (decided or withdrawn); never while one is pending. The default.</summary>
    AfterClosed,

    /// <summary>Once granted, never again (a card, a registration); a refused or withdrawn one does not count.</summary>
    Once,

    /// <summary>Not again within <see cref="Service.ReapplyAfterDays"/> days of the last grant (a benefit per period).</summary>
    OncePerPeriod,

    /// <summary>Any number at once (a certificate copy).</summary>
    Unlimited,
}
