using System.Globalization;
using System.Text;
using QRCoder;

namespace Tongban.Platform.Web;

/// <summary>QR codes (QRCoder, error correction M) for letters on paper and for pages on a screen.</summary>
public static class QrCode
{
    /// <summary>The module grid of the QR code for <paramref name="text"/>, quiet zone included (true: dark).</summary>
    public static bool[][] Modules(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return data.ModuleMatrix.Select(row => Enumerable.Range(0, row.Length).Select(i => row[i]).ToArray()).ToArray();
    }

    /// <summary>
    /// The code as an inline SVG image that scales with its box (one path, a square per dark module on a white ground, so a
    /// scanner reads it in dark mode too), named for screen readers by <paramref name="label"/>.
    /// </summary>
    public static string Svg(string text, string label)
    {
        var modules = Modules(text);
        var path = new StringBuilder();
        for (var y = 0; y < modules.Length; y++)
        {
            for (var x = 0; x < modules[y].Length; x++)
            {
                if (modules[y][x])
                {
                    path.Append(CultureInfo.InvariantCulture, $"M{x} {y}h1v1h-1z");
                }
            }
        }

        var size = modules.Length;
        var name = System.Net.WebUtility.HtmlEncode(label);
        return $"<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" role=\"img\" aria-label=\"{name}\" shape-rendering=\"crispEdges\">"
            + $"<rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/></svg>";
    }
}
