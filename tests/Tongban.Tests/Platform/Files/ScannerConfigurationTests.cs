using System.Net;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Platform.Files;

/// <summary>No stub in production: without a scanner the start fails, and a scanner that is away keeps nothing unscanned.</summary>
public sealed class ScannerConfigurationTests
{
    [Fact]
    public async Task Production_WithoutAScanner_RefusesToStart()
    {
        await using var app = new TongbanApp { Environment = "Production" };
        app.Settings["Sms:Gateway:Url"] = "http://127.0.0.1:9/never-called";
        app.Settings["Files:Clamd:Socket"] = "";
        app.Settings["Files:Clamd:Disabled"] = "false";
        await app.InitializeAsync();

        var failure = Assert.Throws<InvalidOperationException>(() => app.Services);

        Assert.Contains("No virus scanner", failure.Message, StringComparison.Ordinal);
    }

    public sealed class ScannerAway : TongbanAppWithClock
    {
        public ScannerAway() => Settings["Files:Clamd:Socket"] = Path.Combine(Path.GetTempPath(), $"no-clamd-{Guid.NewGuid():N}.sock");
    }

    [Fact]
    public async Task AnUpload_WhileTheScannerIsAway_IsNotKept_AndSheIsAskedToTryAgain()
    {
        await using var app = new ScannerAway();
        await app.InitializeAsync();
        var resident = await People.SignInResident(app, People.NewMobile());
        await resident.Get("/services/id-card-renewal/apply");

        var (status, html, _) = await resident.Upload("/services/id-card-renewal/apply/idCard.photo", "file", "photo.pdf", Applying.Pdf);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("We could not check the file for viruses just now", html, StringComparison.Ordinal);
    }
}
