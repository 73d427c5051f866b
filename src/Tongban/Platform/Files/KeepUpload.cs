using Microsoft.Extensions.Localization;
using Tongban.Platform.Localization;

namespace Tongban.Platform.Files;

/// <summary>
/// Takes one uploaded document: within the size limit, a PDF, JPEG or PNG by its content (not its name), passed by
/// the scanner, then kept in the file store. Returns how an answer or a case action records it
/// (<see cref="UploadedFile.Write"/>), or what is wrong with it in her language.
/// </summary>
public sealed class KeepUpload(IFileStore store, IFileScanner scanner, IStringLocalizer<SharedResource> t)
{
    public async Task<(string? Value, string? Error)> Handle(IFormFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Length > FilesSetup.MaxUploadBytes)
        {
            return (null, t["The file must be smaller than 5 MB. Take the photo at a lower size, or scan fewer pages."]);
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (FileSniffer.ContentType(bytes.Span) is not { } contentType)
        {
            return (null, t["The file must be a PDF, JPG or PNG. Other kinds of file, even renamed, cannot be opened by the office."]);
        }

        switch (await scanner.Scan(bytes, cancellationToken))
        {
            case ScanVerdict.Infected:
                return (null, t["This file cannot be accepted because it may be harmful. Please send another copy."]);
            case ScanVerdict.Unavailable:
                return (null, t["We could not check the file for viruses just now. Please try again in a minute; your other answers are saved."]);
        }

        buffer.Position = 0;
        var key = await store.Save(buffer, cancellationToken);
        return (UploadedFile.Write(key, contentType, file.Length, file.FileName), null);
    }
}
