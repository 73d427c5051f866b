using PdfSharp.Fonts;

namespace Tongban.Notifications.Letters;

/// <summary>
/// Gives PDFsharp the one typeface letters use, from the app's own resources: servers seldom have a CJK font
/// installed, and a letter must print the same wherever it is made. Bold is simulated by PDFsharp.
/// </summary>
public sealed class LetterFont : IFontResolver
{
    public const string Family = "Tongban Letter";
    private const string Resource = "Tongban.Letters.WenQuanYiMicroHei.ttf";
    private static readonly Lock Gate = new();
    private static readonly Lazy<byte[]> Bytes = new(Load);

    /// <summary>PDFsharp keeps one resolver per process; the first caller sets it, later ones find it set.</summary>
    public static void Register()
    {
        lock (Gate)
        {
            GlobalFontSettings.FontResolver ??= new LetterFont();
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(Family, mustSimulateBold: bold, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName) => faceName == Family ? Bytes.Value : null;

    private static byte[] Load()
    {
        using var stream = typeof(LetterFont).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The letter font {Resource} is not embedded in the app.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
