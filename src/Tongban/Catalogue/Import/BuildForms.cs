using Tongban.Catalogue.Forms;
using Tongban.Platform.Localization;

namespace Tongban.Catalogue.Import;

/// <summary>Turns a validated catalogue's forms into the <see cref="FormDefinition"/> each service keeps, by service code.</summary>
public static class BuildForms
{
    public static Dictionary<string, FormDefinition> From(CatalogueDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var library = document.Questions.Select(q => q.Item).ToDictionary(q => q.Id!, Question, StringComparer.Ordinal);
        return document.Forms.Select(f => f.Item).ToDictionary(f => f.Service!, f =>
        {
            var questions = f.Ask!.Select(id => library[id]).ToList();
            var rules = (f.Rules ?? []).Select(r => new FormRule { Id = r.Id!, Check = r.Check!.Trim(), Passed = Text(r.Passed)!, Failed = Text(r.Failed)! }).ToList();
            return new FormDefinition { Version = FormJson.VersionOf(questions, rules), Questions = questions, Rules = rules };
        }, StringComparer.Ordinal);
    }

    private static Question Question(QuestionDto q) => new()
    {
        Id = q.Id!,
        Type = Enum.Parse<QuestionType>(q.Type!),
        Label = Text(q.Label)!,
        LabelForOther = Text(q.LabelForOther),
        Hint = Text(q.Hint),
        Optional = q.Optional ?? false,
        MaxLength = q.MaxLength,
        Min = q.Min,
        Max = q.Max,
        When = q.When,
        Options = (q.Options ?? []).Select(o => new QuestionOption(o.Value!, Text(o.Label)!)).ToList(),
        ShowIf = q.ShowIf?.Trim(),
        Prefill = q.Prefill,
        ECertificate = q.ECertificate,
        ECertificateHolder = q.ECertificateHolder,
        BirthDateOf = q.BirthDateOf,
    };

    private static LocalizedText? Text(TextDto? dto) => dto is null ? null : new(dto.ZhCn!.Trim(), dto.En!.Trim());
}
