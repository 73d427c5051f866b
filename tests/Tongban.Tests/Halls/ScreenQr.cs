using System.Globalization;
using System.Text.RegularExpressions;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Tongban.Tests.Halls;

/// <summary>
/// Scans a QR code drawn on a page as inline SVG: reads each dark module's square from the path, draws the grid on a
/// bitmap with a white border, and decodes it with ZXing, as a phone or a hall's scanner would.
/// </summary>
internal static partial class ScreenQr
{
    private const int PixelsPerModule = 4;
    private const int QuietModules = 4;

    public static string Read(string svg)
    {
        var size = int.Parse(ViewBox().Match(svg).Groups[1].Value, CultureInfo.InvariantCulture);
        var side = (size + 2 * QuietModules) * PixelsPerModule;
        var pixels = Enumerable.Repeat((byte)255, side * side).ToArray();
        foreach (Match m in Module().Matches(svg))
        {
            var (x, y) = (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
            for (var row = (y + QuietModules) * PixelsPerModule; row < (y + QuietModules + 1) * PixelsPerModule; row++)
            {
                Array.Fill(pixels, (byte)0, row * side + (x + QuietModules) * PixelsPerModule, PixelsPerModule);
            }
        }

        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(pixels, side, side, RGBLuminanceSource.BitmapFormat.Gray8)));
        var hints = new Dictionary<DecodeHintType, object> { [DecodeHintType.PURE_BARCODE] = true };
        return new QRCodeReader().decode(bitmap, hints)?.Text ?? throw new InvalidOperationException("The code on the page does not scan.");
    }

    [GeneratedRegex("viewBox=\"0 0 (\\d+) \\d+\"")]
    private static partial Regex ViewBox();

    [GeneratedRegex("M(\\d+) (\\d+)h1v1h-1z")]
    private static partial Regex Module();
}
