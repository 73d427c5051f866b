using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Tongban.Notifications.Letters;

namespace Tongban.Certificates;

/// <summary>What the printed certificate says, already in her language.</summary>
public sealed record PrintedCertificate(string Title, string Number, IReadOnlyList<(string Label, string Value)> Lines, string CheckUrl, string CheckText, string Footer);

/// <summary>
/// A certificate on one A4 page, to print and show on paper: its name and number in large type, what it says, and a
/// large QR code of its short link with the address to type for whoever cannot scan. Drawn in the letters' embedded
/// font, so Chinese prints everywhere; the QR code is the only filled shape on the page.
/// </summary>
public static class CertificatePdf
{
    private const double Margin = 56;
    private const double QrSide = 180;

    public static byte[] Render(PrintedCertificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        LetterFont.Register();
        using var document = new PdfDocument();
        document.Info.Title = certificate.Title + " " + certificate.Number;
        var page = document.AddPage();
        page.Size = PageSize.A4;
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            var width = page.Width.Point - (2 * Margin);
            var y = LetterPdf.Paragraph(gfx, certificate.Title, LetterPdf.Font(24, bold: true), Margin, Margin, width);
            y = LetterPdf.Paragraph(gfx, certificate.Number, LetterPdf.Font(18, bold: true), Margin, y + 6, width) + 18;
            foreach (var (label, value) in certificate.Lines)
            {
                LetterPdf.Paragraph(gfx, label, LetterPdf.Font(11), Margin, y, 140);
                y = Math.Max(y + 18, LetterPdf.Paragraph(gfx, value, LetterPdf.Font(13, bold: true), Margin + 150, y - 2, width - 150)) + 6;
            }

            y += 24;
            LetterPdf.DrawQr(gfx, certificate.CheckUrl, Margin, y, QrSide);
            var right = Margin + QrSide + 24;
            var next = LetterPdf.Paragraph(gfx, certificate.CheckText, LetterPdf.Font(12), right, y, width - QrSide - 24);
            LetterPdf.Paragraph(gfx, certificate.CheckUrl, LetterPdf.Font(10), right, next + 8, width - QrSide - 24);
            LetterPdf.Paragraph(gfx, certificate.Footer, LetterPdf.Font(9), Margin, page.Height.Point - Margin - 40, width);
        }

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }
}
