using Microsoft.Extensions.Localization;
using Tongban.Platform.Files;
using Tongban.Platform.Localization;

namespace Tongban.Cases.Log;

/// <summary>
/// The documents she sends with her answer to the office (on her case page, or through a partner): at most
/// <see cref="CaseActionInput.MaxDocuments"/>, each through <see cref="KeepUpload"/>'s checks and virus scan.
/// </summary>
public sealed class KeepAnswerDocuments(KeepUpload keep, IStringLocalizer<SharedResource> t)
{
    /// <returns>Her documents, kept; or, at the first that cannot be, why in her language (and none is kept for an answer not sent).</returns>
    public async Task<(List<string> Documents, string? Error)> Handle(IEnumerable<IFormFile> files, CancellationToken cancellationToken)
    {
        var chosen = files.Where(f => f.Length > 0).ToList();
        if (chosen.Count > CaseActionInput.MaxDocuments)
        {
            return ([], t["Add at most {0} documents to one answer; bring more to any service hall.", CaseActionInput.MaxDocuments]);
        }

        var kept = new List<string>();
        foreach (var file in chosen)
        {
            var (value, error) = await keep.Handle(file, cancellationToken);
            if (error is not null)
            {
                return ([], $"{file.FileName}: {error}");
            }

            kept.Add(value!);
        }

        return (kept, null);
    }
}
