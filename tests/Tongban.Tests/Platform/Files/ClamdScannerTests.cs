using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Tongban.Platform.Files;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Platform.Files;

/// <summary>The scanner against a real ClamAV daemon, spoken to over its socket protocol.</summary>
public sealed class ClamdScannerTests
{
    private static ClamdScanner Scanner(string socket) =>
        new(Options.Create(new ClamdOptions { Socket = socket, TimeoutSeconds = 5 }), NullLogger<ClamdScanner>.Instance);

    [Fact]
    public async Task AClean_PdfPasses_AndTheEicarTestFileIsFound_EvenInsideALargerFile()
    {
        var scanner = Scanner(Clamd.Required());
        var pdf = Applying.Pdf;
        var large = new byte[300_000];
        EicarTestScanner.Signature.CopyTo(large, 200_000);

        Assert.Equal(ScanVerdict.Clean, await scanner.Scan(pdf, TestContext.Current.CancellationToken));
        Assert.Equal(ScanVerdict.Infected, await scanner.Scan(EicarTestScanner.Signature, TestContext.Current.CancellationToken));
        Assert.Equal(ScanVerdict.Infected, await scanner.Scan(large, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ADaemonThatIsNotThere_IsUnavailable_NeverClean()
    {
        var verdict = await Scanner(Path.Combine(Path.GetTempPath(), $"no-clamd-{Guid.NewGuid():N}.sock")).Scan(Applying.Pdf, TestContext.Current.CancellationToken);

        Assert.Equal(ScanVerdict.Unavailable, verdict);
    }
}
