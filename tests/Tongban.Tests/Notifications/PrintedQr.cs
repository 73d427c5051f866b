using UglyToad.PdfPig.Content;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Tongban.Tests.Notifications;

/// <summary>
/// Scans the QR code printed on a letter: redraws the page's filled rectangles (the code is the only filled
/// shape a letter has) on a bitmap, the way a phone's camera would see them, and decodes it with ZXing.
/// </summary>
internal static class PrintedQr
{
    private const int PixelsPerModule = 4;
    private const int QuietModules = 4;

    public static string Read(Page page)
    {
        var dark = page.Paths.Where(p => p.IsFilled).Select(p => p.GetBoundingRectangle()).OfType<UglyToad.PdfPig.Core.PdfRectangle>().ToList();
        Assert.NotEmpty(dark);
        var module = dark.Min(r => r.Height);
        var (left, top) = (dark.Min(r => r.Left), dark.Max(r => r.Top));
        var modules = (int)Math.Round((dark.Max(r => r.Right) - left) / module);
        var side = (modules + 2 * QuietModules) * PixelsPerModule;
        var pixels = Enumerable.Repeat((byte)255, side * side).ToArray();
        foreach (var r in dark)
        {
            int Cell(double value) => (int)Math.Round(value / module);
            var (x0, x1, y0, y1) = (Cell(r.Left - left), Cell(r.Right - left), Cell(top - r.Top), Cell(top - r.Bottom));
            for (var y = (y0 + QuietModules) * PixelsPerModule; y < (y1 + QuietModules) * PixelsPerModule; y++)
            {
                Array.Fill(pixels, (byte)0, y * side + (x0 + QuietModules) * PixelsPerModule, (x1 - x0) * PixelsPerModule);
            }
        }

        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(pixels, side, side, RGBLuminanceSource.BitmapFormat.Gray8)));
        // A clean synthetic image: read the grid directly rather than search it for finder patterns, which
        // now and then mistakes a data pattern for one (about 1 code in 400 here, scanned fine by zbar).
        var hints = new Dictionary<DecodeHintType, object> { [DecodeHintType.PURE_BARCODE] = true };
        return new QRCodeReader().decode(bitmap, hints)?.Text ?? throw new InvalidOperationException("The printed code does not scan.");
    }
}
