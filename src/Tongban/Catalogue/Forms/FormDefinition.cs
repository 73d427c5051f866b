using Tongban.Platform.Localization;

namespace Tongban.Catalogue.Forms;

/// <summary>What a question asks for; each type has its own input and its own checks.</summary>
public enum QuestionType
{
    Text,
    Number,
    Date,
    Choice,
    YesNo,
    Address,
    IdNumber,
    Phone,
    File,
}

public sealed record QuestionOption(string Value, LocalizedText Label);

/// <summary>One question, asked on a page of its own.</summary>
public sealed record Question
{
    /// <summary>Shared across forms ("applicant.fullName"), so a life event asks it once for all its services.</summary>
    public required string Id { get; init; }

    public QuestionType Type { get; init; }
    public required LocalizedText Label { get; init; }

    /// <summary>
    /// The label when someone else answers for her (a family member, a clerk): "The applicant's full name" where
    /// <see cref="Label"/> says "Your full name", so that nobody gives their own.
    /// </summary>
    public LocalizedText? LabelForOther { get; init; }

    public LocalizedText? Hint { get; init; }
    public bool Optional { get; init; }
    public int? MaxLength { get; init; }
    public decimal? Min { get; init; }
    public decimal? Max { get; init; }

    /// <summary>For dates: "past" (today or before) or "future" (today or after).</summary>
    public string? When { get; init; }

    public List<QuestionOption> Options { get; init; } = [];

    /// <summary>An expression over the answers so far; when false the question is skipped.</summary>
    public string? ShowIf { get; init; }

    /// <summary>What the city already holds: "profile.fullName", … — shown for confirmation instead of asked.</summary>
    public string? Prefill { get; init; }

    /// <summary>
    /// For a date of birth: the id of the question giving the same person's ID number, which holds the date. When the
    /// number is answered the date is filled from it, and a date that contradicts it is refused.
    /// </summary>
    public string? BirthDateOf { get; init; }

    /// <summary>For files: the e-certificate that stands in for the upload when the city holds it.</summary>
    public string? ECertificate { get; init; }

    /// <summary>
    /// Whose e-certificate: the id of the question giving that person's ID number ("death.idNumber" for a death
    /// certificate), asked earlier in the form; when empty, the applicant's own.
    /// </summary>
    public string? ECertificateHolder { get; init; }
}

/// <summary>One published rule of instant approval (秒批), with its reason in plain words either way.</summary>
public sealed record FormRule
{
    public required string Id { get; init; }
    public required string Check { get; init; }
    public required LocalizedText Passed { get; init; }
    public required LocalizedText Failed { get; init; }
}

/// <summary>A service's online form: its questions in order, and the rules that can approve it at once.</summary>
public sealed record FormDefinition
{
    /// <summary>Changes whenever a question or rule changes (a hash of the definition), and is recorded on each case.</summary>
    public required string Version { get; init; }

    public required List<Question> Questions { get; init; }
    public List<FormRule> Rules { get; init; } = [];
}
