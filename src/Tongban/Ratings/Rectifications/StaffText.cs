using Microsoft.Extensions.Localization;
using Tongban.Platform.Localization;
using Tongban.Platform.Web;

namespace Tongban.Ratings.Rectifications;

/// <summary>What staff write about a bad review (the contact, the answer, an appeal and its decision): required, trimmed, at most <see cref="Rectification.MaxTextLength"/>.</summary>
public static class StaffText
{
    /// <summary>The trimmed text, or the problem with it for <paramref name="field"/> (<paramref name="missing"/> when empty).</summary>
    public static (string? Text, FieldError? Problem) Check(string field, string? value, string missing, IStringLocalizer<SharedResource> t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var text = value?.Trim();
        return string.IsNullOrEmpty(text) ? (null, new(field, missing))
            : text.Length > Rectification.MaxTextLength ? (null, new(field, t["Keep it to {0} characters; this is {1}.", Rectification.MaxTextLength, text.Length]))
            : (text, null);
    }
}
