using Tongban.Catalogue.Forms;

namespace Tongban.Applications;

/// <summary>Which questions a form asks given the answers so far (conditions can skip some), and in which order.</summary>
public static class ApplicationFlow
{
    public static IReadOnlyList<Question> Visible(ApplicationForm form, IReadOnlyDictionary<string, string> answers, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(form);
        var facts = new FormAnswers(answers, today);
        return form.Questions.Where(q => q.ShowIf is null || FormExpressions.Evaluate(q.ShowIf, facts)).ToList();
    }

    /// <summary>The first question still to answer, or null when the check-answers page comes next.</summary>
    public static Question? Next(ApplicationForm form, IReadOnlyDictionary<string, string> answers, DateOnly today) =>
        Visible(form, answers, today).FirstOrDefault(q => !answers.ContainsKey(q.Id));

    /// <summary>The question asked before this one, for the back link; null on the first.</summary>
    public static Question? Before(ApplicationForm form, IReadOnlyDictionary<string, string> answers, string questionId, DateOnly today)
    {
        var visible = Visible(form, answers, today);
        var index = visible.ToList().FindIndex(q => q.Id == questionId);
        return index > 0 ? visible[index - 1] : null;
    }
}
