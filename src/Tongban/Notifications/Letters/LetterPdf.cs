using System.Text.RegularExpressions;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Tongban.Platform.Web;

namespace Tongban.Notifications.Letters;

/// <summary>
/// Lays letters out on A4 for a window envelope, each on a page of its own (or more, when long): the address where the window is, the case
/// reference in large type, and a QR code to her case page, with the hotline and the hall for whoever cannot
/// scan it. Text is drawn in the embedded <see cref="LetterFont"/> so Chinese prints everywhere.
/// </summary>
public static partial class LetterPdf
{
    private const double Margin = 56;
    private const double QrSide = 96;
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

    public static byte[] Render(IReadOnlyCollection<Letter> letters)
    {
        ArgumentNullException.ThrowIfNull(letters);
        if (letters.Count == 0)
        {
            throw new ArgumentException("A batch needs at least one letter.", nameof(letters));
        }

        LetterFont.Register();
        using var document = new PdfDocument();
        document.Info.Title = "Tongban";
        foreach (var letter in letters)
        {
            AddPage(document, letter);
        }

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static void AddPage(PdfDocument document, Letter letter)
    {
        var page = document.AddPage();
        page.Size = PageSize.A4;
        var gfx = XGraphics.FromPdfPage(page);
        // Large print: 16 pt body, as guidance for readers with low vision asks (at least 16 pt), headings larger still.
        var scale = letter.LargePrint ? 16.0 / 11 : 1;
        var small = Font(9 * scale);
        var body = Font(11 * scale);
        var width = page.Width.Point - 2 * Margin;
        var bottom = page.Height.Point - Margin;

        var y = Margin;
        gfx.DrawString(letter.Sender, Font(10, bold: true), XBrushes.Black, Margin, y);
        gfx.DrawString(letter.Date, Font(11), XBrushes.Black, new XRect(Margin, y - 10, width, 14), XStringFormats.TopRight);

        // Where a DL window envelope shows the address (about 45 mm from the top): its size is the envelope's, not hers.
        y = 128;
        y = Paragraph(gfx, letter.RecipientName, Font(12, bold: true), Margin, y, 260);
        y = Paragraph(gfx, letter.Address, Font(11), Margin, y, 260);

        y = Math.Max(y, 230) + 10;
        gfx.DrawString(letter.ReferenceLabel, small, XBrushes.Black, Margin, y);
        gfx.DrawString(letter.Reference, Font(22, bold: true), XBrushes.Black, Margin, y + 26);
        DrawQr(gfx, letter.CaseUrl, page.Width.Point - Margin - QrSide, y - 12);
        gfx.DrawString(letter.ScanLabel, Font(9), XBrushes.Black, new XRect(page.Width.Point - Margin - 200, y + QrSide - 6, 200, 12), XStringFormats.TopRight);

        y += QrSide + 24;
        var pages = 1;
        // Each line is drawn where there is room; otherwise on a next page headed with her reference, so a long
        // refusal or a large-print letter is never cut off.
        void Line(string text, XFont font, double indent, double after = 0)
        {
            foreach (var line in Wrap(text, s => gfx.MeasureString(s, font).Width, width - indent))
            {
                var height = font.Size * 1.5;
                if (y + height > bottom)
                {
                    gfx.Dispose();
                    page = document.AddPage();
                    page.Size = PageSize.A4;
                    gfx = XGraphics.FromPdfPage(page);
                    pages++;
                    gfx.DrawString(string.Format(System.Globalization.CultureInfo.InvariantCulture, letter.PageLabel, letter.Reference, pages), Font(9), XBrushes.Black, Margin, Margin);
                    y = Margin + 24;
                }

                gfx.DrawString(line, font, XBrushes.Black, new XRect(Margin + indent, y, width - indent, height), XStringFormats.TopLeft);
                y += height;
            }

            y += after;
        }

        Line(letter.Subject, Font(13 * scale, bold: true), 0, 6);
        foreach (var section in letter.Sections)
        {
            Line(section.Heading, Font(11 * scale, bold: true), 0, 2);
            foreach (var paragraph in section.Paragraphs.SelectMany(p => p.Split('\n')))
            {
                Line(paragraph, body, 0, 4);
            }

            foreach (var item in section.Items)
            {
                Line("• " + item, body, 12 * scale, 2);
            }

            y += 6;
        }

        y += 6;
        gfx.DrawLine(XPens.Gray, Margin, y, Margin + width, y);
        y += 8;
        Line(string.Format(System.Globalization.CultureInfo.InvariantCulture, letter.OnlineLabel, letter.CaseUrl), small, 0);
        gfx.Dispose();
    }

    internal static XFont Font(double size, bool bold = false) => new(LetterFont.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, Unicode);

    /// <summary>Draws wrapped text from <paramref name="top"/>; returns where the next line goes.</summary>
    internal static double Paragraph(XGraphics gfx, string text, XFont font, double left, double top, double width)
    {
        var lineHeight = font.Size * 1.5;
        foreach (var line in Wrap(text, s => gfx.MeasureString(s, font).Width, width))
        {
            gfx.DrawString(line, font, XBrushes.Black, new XRect(left, top, width, lineHeight), XStringFormats.TopLeft);
            top += lineHeight;
        }

        return top;
    }

    /// <summary>
    /// Breaks a paragraph into lines no wider than <paramref name="width"/>. Chinese may break between any two
    /// characters, other text between words; a word wider than the line is broken where it must be.
    /// </summary>
    public static IEnumerable<string> Wrap(string text, Func<string, double> measure, double width)
    {
        ArgumentNullException.ThrowIfNull(measure);
        var line = "";
        foreach (var token in Tokens().Matches(text ?? "").Select(m => m.Value))
        {
            if (line.Length > 0 && measure(line + token.TrimEnd()) > width)
            {
                yield return line.TrimEnd();
                line = "";
            }

            if (line.Length == 0 && string.IsNullOrWhiteSpace(token))
            {
                continue;
            }

            foreach (var c in token)
            {
                if (line.Length > 0 && !char.IsWhiteSpace(c) && measure(line + c) > width)
                {
                    yield return line;
                    line = "";
                }

                line += c;
            }
        }

        if (line.TrimEnd().Length > 0)
        {
            yield return line.TrimEnd();
        }
    }

    /// <summary>Each row's runs of dark modules as one rectangle: fewer seams when printed.</summary>
    internal static void DrawQr(XGraphics gfx, string text, double left, double top, double side = QrSide)
    {
        var modules = QrCode.Modules(text);
        var cell = side / modules.Length;
        for (var y = 0; y < modules.Length; y++)
        {
            for (var x = 0; x < modules[y].Length; x++)
            {
                if (!modules[y][x])
                {
                    continue;
                }

                var start = x;
                while (x + 1 < modules[y].Length && modules[y][x + 1])
                {
                    x++;
                }

                gfx.DrawRectangle(XBrushes.Black, left + start * cell, top + y * cell, (x - start + 1) * cell, cell);
            }
        }
    }

    /// <summary>One CJK character (or full-width punctuation), or a run of other text with the spaces after it.</summary>
    [GeneratedRegex(@"[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]|[^\s\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]+\s*|\s+")]
    private static partial Regex Tokens();
}
