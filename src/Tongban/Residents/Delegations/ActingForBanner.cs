using Tongban.Platform.Web;

namespace Tongban.Residents.Delegations;

/// <summary>Every page says plainly for whom a proxy is acting, or that her permission has ended.</summary>
public sealed class ActingForBanner(ActingFor acting) : IPageBanner
{
    public async Task<(string Partial, object Model)?> Show(HttpContext context) =>
        await acting.Current(context) is { } state ? ("/Residents/Pages/_ActingBanner.cshtml", state) : null;
}
