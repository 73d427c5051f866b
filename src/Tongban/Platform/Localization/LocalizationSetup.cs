using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace Tongban.Platform.Localization;

public static class LocalizationSetup
{
    public const string CookieName = ".Tongban.Culture";

    /// <summary>Simplified Chinese first: it is the city's language and the default for a visitor who says nothing.</summary>
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    public static IServiceCollection AddTongbanLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.AddSingleton<ResourceManagerStringLocalizerFactory>();
        services.AddSingleton<IStringLocalizerFactory, CachedStringLocalizerFactory>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            // A remembered choice beats the browser's: the cookie, then Accept-Language.
            o.RequestCultureProviders =
            [
                new CookieRequestCultureProvider { CookieName = CookieName },
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }

    public static IApplicationBuilder UseTongbanLocalization(this IApplicationBuilder app) => app.UseRequestLocalization();

    /// <summary>The other language, for the switch link on every page.</summary>
    public static CultureInfo Other(CultureInfo current) =>
        current.TwoLetterISOLanguageName == "en" ? Cultures[0] : Cultures[1];
}
