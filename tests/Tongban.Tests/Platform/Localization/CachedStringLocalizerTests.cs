using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Tongban.Platform.Localization;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Platform.Localization;

/// <summary>The app's localizer keeps the texts it found, per language: the same instance answers each language in its own words.</summary>
public sealed class CachedStringLocalizerTests(TongbanApp app) : IClassFixture<TongbanApp>
{
    private static T In<T>(string culture, Func<T> read)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            return read();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }

    [Fact]
    public void OneLocalizer_AnswersEachLanguage_InItsOwnWords_AskedAgainAndAgain()
    {
        var text = app.Services.GetRequiredService<IStringLocalizer<SharedResource>>();

        for (var round = 0; round < 3; round++)
        {
            Assert.Equal("即时办结", In("zh-CN", () => text["Handled at once"].Value));
            Assert.Equal("Handled at once", In("en", () => text["Handled at once"].Value));
            Assert.Equal("承诺时限：20 个工作日", In("zh-CN", () => text["Time limit: {0} working days", 20].Value));
            Assert.Equal("Time limit: 20 working days", In("en", () => text["Time limit: {0} working days", 20].Value));
        }
    }

    [Fact]
    public void ANameNotInTheResources_ComesBackAsItself_MarkedNotFound()
    {
        var text = app.Services.GetRequiredService<IStringLocalizer<SharedResource>>();

        var missing = In("zh-CN", () => text["No such text " + Guid.NewGuid()]);

        Assert.True(missing.ResourceNotFound);
        Assert.StartsWith("No such text ", missing.Value, StringComparison.Ordinal);
        Assert.False(In("zh-CN", () => text["Handled at once"]).ResourceNotFound);
    }
}
