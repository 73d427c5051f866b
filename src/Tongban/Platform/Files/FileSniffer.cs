namespace Tongban.Platform.Files;

/// <summary>
/// What a file really is, from its first bytes, whatever its name says: only PDF, JPEG and PNG, the
/// formats every office can open and print, are accepted.
/// </summary>
public static class FileSniffer
{
    public static string? ContentType(ReadOnlySpan<byte> head) => head switch
    {
        [0x25, 0x50, 0x44, 0x46, 0x2D, ..] => "application/pdf", // %PDF-
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
        _ => null,
    };
}
