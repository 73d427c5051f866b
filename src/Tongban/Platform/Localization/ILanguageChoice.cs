namespace Tongban.Platform.Localization;

/// <summary>
/// Told when a visitor switches language with the link at the top of every page, so that a feature can remember it
/// beyond the cookie (Residents: a signed-in resident's messages and letters then come in that language).
/// </summary>
public interface ILanguageChoice
{
    Task Chosen(HttpContext context, string culture, CancellationToken cancellationToken);
}
