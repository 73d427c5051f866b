namespace Tongban.Platform.Files;

/// <summary>How a stored upload is written in an answer: "file:{key}:{type}:{bytes}:{name}".</summary>
public sealed record UploadedFile(string Key, string ContentType, long Bytes, string Name)
{
    public static string Write(string key, string contentType, long bytes, string name) =>
        $"file:{key}:{contentType}:{bytes}:{SafeName(name, contentType)}";

    /// <summary>
    /// The name as stored and offered for download: only its last part, without control, format (bidirectional
    /// overrides such as U+202E, which make "gpj.exe" read as "exe.jpg") or separator characters, and ending in the
    /// extension of the type the content really is, so the office's computer opens it as what it is.
    /// </summary>
    public static string SafeName(string? name, string contentType)
    {
        var last = (name ?? "").Replace('\\', '/').Split('/')[^1];
        var clean = new string(last.Where(c => !char.IsControl(c) && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format && c != ':').ToArray()).Trim().Trim('.');
        var extension = contentType switch { "application/pdf" => ".pdf", "image/jpeg" => ".jpg", "image/png" => ".png", _ => "" };
        var given = Path.GetExtension(clean).ToLowerInvariant();
        var stem = Path.GetFileNameWithoutExtension(clean).Trim();
        stem = stem.Length == 0 ? "document" : stem.Length > 100 ? stem[..100] : stem;
        return stem + (given == extension || (extension == ".jpg" && given == ".jpeg") ? given : extension);
    }

    public static UploadedFile? Read(string? answer)
    {
        var parts = (answer ?? "").Split(':', 5);
        return parts is ["file", var key, var type, var bytes, var name] && long.TryParse(bytes, out var size) ? new(key, type, size, name) : null;
    }
}
