using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Tongban.Platform.Localization;
using Tongban.Platform.Web;

namespace Tongban.Ratings;

/// <summary>What she entered: the overall level, any dimensions she rated, a comment.</summary>
public sealed partial record RatingInput(int? Level, IReadOnlyDictionary<string, int?> Dimensions, string? Comment)
{
    /// <summary>What is wrong with it, in her language; empty when it can be saved. Dimensions not asked of this case are refused too.</summary>
    public IReadOnlyList<FieldError> Problems(IReadOnlyList<string> asked, IStringLocalizer<SharedResource> t)
    {
        ArgumentNullException.ThrowIfNull(asked);
        ArgumentNullException.ThrowIfNull(t);
        var problems = new List<FieldError>();
        if (Level is not (>= 1 and <= 5))
        {
            problems.Add(new("Level", t["Choose how satisfied you are, from 1 to 5."]));
        }

        foreach (var (dimension, level) in Dimensions)
        {
            if (!asked.Contains(dimension))
            {
                problems.Add(new("Level", t["This question is not asked about this application."]));
            }
            else if (level is not null and not (>= 1 and <= 5))
            {
                problems.Add(new($"Dimension-{dimension}", t["Choose from 1 to 5, or leave it out."]));
            }
        }

        if (Comment?.Trim() is { Length: > 0 } comment)
        {
            if (comment.Length > Rating.MaxCommentLength)
            {
                problems.Add(new("Comment", t["Your comment is {0} characters long; please keep it to {1}.", comment.Length, Rating.MaxCommentLength]));
            }
            else if (Markup().IsMatch(comment))
            {
                problems.Add(new("Comment", t["Please write your comment as plain text, without tags such as <b>."]));
            }
        }

        return problems;
    }

    /// <summary>
    /// The dimensions rated in a form's <c>Dimensions[name]</c> fields; a value that is not a whole number counts as 0, which
    /// <see cref="Problems"/> refuses. Read by hand: model binding a dictionary that has no such field binds every other field.
    /// </summary>
    public static Dictionary<string, int?> DimensionsFrom(IFormCollection form) =>
        (form ?? throw new ArgumentNullException(nameof(form)))
            .Where(f => f.Key.StartsWith("Dimensions[", StringComparison.Ordinal) && f.Key.EndsWith(']') && !string.IsNullOrEmpty(f.Value))
            .ToDictionary(f => f.Key["Dimensions[".Length..^1], f => int.TryParse(f.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var level) ? level : (int?)0, StringComparer.Ordinal);

    /// <summary>The dimensions she rated, without those left out.</summary>
    public Dictionary<string, int> GivenDimensions() =>
        Dimensions.Where(d => d.Value is not null).ToDictionary(d => d.Key, d => d.Value!.Value, StringComparer.Ordinal);

    public string? CommentText => Comment?.Trim() is { Length: > 0 } c ? c : null;

    /// <summary>Something that reads as an HTML or XML tag, a comment or an entity: a rating is words, never markup.</summary>
    [GeneratedRegex(@"<\s*[a-zA-Z/!?]|&#?[a-zA-Z0-9]+;")]
    private static partial Regex Markup();
}
