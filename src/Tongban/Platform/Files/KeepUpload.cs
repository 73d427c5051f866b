using Microsoft.Extensions.Localization;
using Tongban.Platform.Localization;

namespace Tongban.Platform.Files;

/// <summary>
/// Takes one uploaded document: within the size limit, a PDF, JPEG or PNG by its content (not its name), passed by
/// the scanner, then kept in the file store. Returns how an answer or a case action records it
/// (<see cref="UploadedFile.Write"/>), or what is wrong with it in her language.
/// </summary>
public sealed class KeepUpload(IFileStore store, IFileScanner scanner, IStringLocalizer<SharedResource> t, ILogger<KeepUpload> logger)
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
        string key;
        try
        {
            key = await store.Save(buffer, cancellationToken);
        }
        catch (IOException e)
        {
            // A full or failing disk is the operator's to fix (the log line alerts them); she is told to come back.
            logger.LogError(e, "An upload could not be kept: {Reason}", e.Message);
            return (null, t["We could not keep your file just now. Please try again later; your other answers are saved."]);
        }

        return (UploadedFile.Write(key, contentType, file.Length, file.FileName), null);
    }
}
