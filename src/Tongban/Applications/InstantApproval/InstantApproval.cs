using Tongban.Cases;
using Tongban.Catalogue.Forms;

namespace Tongban.Applications.InstantApproval;

/// <summary>
/// The whole of instant approval (秒批): a pure function of the service's published form, her answers to it
/// and today's date, with no database, clock or request behind it, so that every rule of every service can be
/// tested as a table (InstantApprovalTests). A rule passes only on answers she gave. What the city already holds about her reaches it as answers the
/// form was filled with, and as her earlier cases.
/// </summary>
public static class InstantApproval
{
    /// <param name="form">The service's published form and its rules.</param>
    /// <param name="answers">Her answers to it.</param>
    /// <param name="today">The day of the decision, in the city.</param>
    /// <param name="earlier">Her earlier cases, for rules that look at them (<c>a.Granted("…")</c>).</param>
    public static InstantDecision Decide(FormDefinition form, IReadOnlyDictionary<string, string> answers, DateOnly today, IReadOnlyList<EarlierCase>? earlier = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        return new(form.Rules.Select(rule =>
        {
            // A rule passes only on what she answered: one that had to read a missing answer fails (see FormAnswers.ReadMissing).
            var facts = new FormAnswers(answers, today, earlier);
            var passed = FormExpressions.Evaluate(rule.Check, facts) && !facts.ReadMissing;
            var reason = passed ? rule.Passed : rule.Failed;
            return new RuleOutcome { RuleId = rule.Id, Passed = passed, ReasonZhCn = reason.ZhCn, ReasonEn = reason.En };
        }).ToList());
    }
}
