using Microsoft.Extensions.Localization;
using Tongban.Platform.Web;

namespace Tongban.Cases.Log;

/// <summary>What someone asks to do to a case, with what the action needs.</summary>
public sealed record CaseActionInput(
    CaseActionKind Kind,
    string? Text = null,
    string? LegalBasis = null,
    IReadOnlyList<string>? Items = null,
    Guid? AssignTo = null,
    string? AssignToName = null,
    IReadOnlyList<string>? Documents = null)
{
    public const int MaxTextLength = 2000;
    public const int MaxItems = 20;

    /// <summary>Documents with one answer to a notice: three of 5 MB fit the request limit, and more belong at a hall.</summary>
    public const int MaxDocuments = 3;

    /// <summary>The fields that are missing or too long, each with what to do in her language.</summary>
    public IReadOnlyList<FieldError> Problems(IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var problems = new List<FieldError>();
        if (Text is { Length: > MaxTextLength } || LegalBasis is { Length: > MaxTextLength })
        {
            problems.Add(new(Text is { Length: > MaxTextLength } ? "Text" : "LegalBasis", t["Use at most 2000 characters."]));
        }

        switch (Kind)
        {
            case CaseActionKind.Rejected when string.IsNullOrWhiteSpace(Text):
                problems.Add(new("Text", t["Give the reasons for the refusal."]));
                break;
            case CaseActionKind.Rejected when string.IsNullOrWhiteSpace(LegalBasis):
                problems.Add(new("LegalBasis", t["Name the law or regulation the refusal rests on."]));
                break;
            case CaseActionKind.MoreInformationRequested or CaseActionKind.FurtherNotice when !(Items ?? []).Any(i => !string.IsNullOrWhiteSpace(i)):
                problems.Add(new("Items", t["List every missing item, one per line."]));
                break;
            case CaseActionKind.MoreInformationRequested or CaseActionKind.FurtherNotice when Items!.Count > MaxItems || Items.Any(i => i.Length > 300):
                problems.Add(new("Items", t["List at most 20 items of at most 300 characters each."]));
                break;
            case CaseActionKind.InformationProvided when string.IsNullOrWhiteSpace(Text) && (Documents ?? []).Count == 0:
                problems.Add(new("Text", t["Write your answer, add a document, or both."]));
                break;
            case CaseActionKind.Reassigned when AssignTo is null:
                problems.Add(new("AssignTo", t["Choose the officer to hand the case to."]));
                break;
        }

        if (Kind == CaseActionKind.FurtherNotice && string.IsNullOrWhiteSpace(Text))
        {
            problems.Add(new("Text", t["Say why the one-time notice did not list these items: she is shown your reason."]));
        }

        return problems;
    }
}
