using Microsoft.Extensions.Localization;
using Tongban.Catalogue.Forms;
using Tongban.Platform.Files;
using Tongban.Platform.Localization;

namespace Tongban.Applications;

/// <summary>The document for a file question, kept by <see cref="KeepUpload"/>; none chosen is an answer only when the question is optional.</summary>
public sealed class StoreUpload(KeepUpload keep, IStringLocalizer<SharedResource> t)
{
    public async Task<(string? Value, string? Error)> Handle(Question question, IFormFile? file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (file is null || file.Length == 0)
        {
            return question.Optional ? ("", null) : (null, t["Choose a file to upload."]);
        }

        return await keep.Handle(file, cancellationToken);
    }
}
