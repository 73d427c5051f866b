namespace Tongban.Platform.Web;

/// <summary>
/// A notice a feature puts at the top of every page (for example "you are acting for…"), without the
/// layout knowing the feature: the partial to render and its model, or null for none on this request.
/// </summary>
public interface IPageBanner
{
    Task<(string Partial, object Model)?> Show(HttpContext context);
}
