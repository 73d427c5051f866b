using System.Globalization;
using Microsoft.Extensions.Localization;
using Tongban.Cases.Log;

namespace Tongban.Notifications.Letters;

/// <summary>One part of a letter under its own heading, with a list (the items of a notice) if it has one.</summary>
public sealed record LetterSection(string Heading, IReadOnlyList<string> Paragraphs, IReadOnlyList<string> Items);

/// <summary>
/// What a letter says, written out from the case action it tells of rather than the short text of an SMS: what
/// happened (with the officer's list, reasons and legal basis), what to do next, by when, and how to get help.
/// Called inside <see cref="Platform.Localization.ResidentLanguage.Write{T}"/>, so every word is in her language.
/// </summary>
public static class LetterContent
{
    /// <param name="t">Texts, in her language.</param>
    /// <param name="culture">Her language, for dates.</param>
    /// <param name="message">The message as written for the other channels: what the letter says when it knows nothing more.</param>
    /// <param name="action">The case action the message is about, if it is about one.</param>
    /// <param name="actedFor">The message tells her someone acted for her.</param>
    /// <param name="service">The service's name in her language.</param>
    /// <param name="dueOn">When the decision is due.</param>
    public static IReadOnlyList<LetterSection> Sections(IStringLocalizer t, CultureInfo culture, string message, CaseAction? action, bool actedFor, string service, DateOnly dueOn)
    {
        ArgumentNullException.ThrowIfNull(t);
        var kind = actedFor ? null : action?.Kind;
        var on = action is null ? "" : Platform.Calendar.CityTime.Local(action.At).ToString("D", culture);
        var sections = new List<LetterSection>();
        void Add(string heading, IEnumerable<string?> paragraphs, IReadOnlyList<string>? items = null) =>
            sections.Add(new(heading, paragraphs.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!).ToList(), items ?? []));

        Add(t["What happened"].Value, kind switch
        {
            CaseActionKind.Accepted => [t["We accepted your application for {0} on {1}.", service, on].Value],
            CaseActionKind.MoreInformationRequested => [t["Before deciding on your application for {0}, the officer needs the following from you. This is the complete list: nothing else will be asked of you later.", service].Value],
            CaseActionKind.FurtherNotice => [t["Before deciding on your application for {0}, the department head asks you for the following, which the first notice did not list, for this reason:", service].Value, action!.Text],
            CaseActionKind.Approved => [t["Your application for {0} was approved on {1}.", service, on].Value],
            CaseActionKind.Rejected => [t["Your application for {0} was not approved, on {1}.", service, on].Value, t["The reasons: {0}", action!.Text ?? ""].Value, action.LegalBasis is { Length: > 0 } basis ? t["Legal basis: {0}", basis].Value : null],
            CaseActionKind.Withdrawn => [t["Your application for {0} was withdrawn on {1}.", service, on].Value],
            _ => [message],
        }, kind is CaseActionKind.MoreInformationRequested or CaseActionKind.FurtherNotice ? action!.Items : null);
        if (kind is CaseActionKind.MoreInformationRequested && action!.Text is { Length: > 0 } note)
        {
            sections[^1] = sections[^1] with { Paragraphs = [.. sections[^1].Paragraphs, t["The officer adds: {0}", note].Value] };
        }

        string? next = kind switch
        {
            _ when actedFor => t["If you did not ask for this, call 12345 or go to any service hall: the application can be withdrawn and the permission you gave taken back."].Value,
            CaseActionKind.Accepted => t["Nothing for now: an officer is examining your application."].Value,
            CaseActionKind.MoreInformationRequested or CaseActionKind.FurtherNotice => t["Send what is listed: answer on your case page, bring it with this letter to any service hall, or call 12345 and a clerk will help you."].Value,
            CaseActionKind.Approved => t["Nothing more to do. The decision is on your case page, and any service hall can print it for you."].Value,
            CaseActionKind.Rejected => t["If you disagree, you may apply for administrative reconsideration within 60 days, or bring an administrative lawsuit within 6 months. A clerk at any service hall or 12345 can help you."].Value,
            CaseActionKind.Withdrawn => t["Nothing more will happen with this application."].Value,
            _ => null,
        };
        if (next is not null)
        {
            Add(t["What to do next"].Value, [next]);
        }

        string? byWhen = kind switch
        {
            CaseActionKind.Accepted => t["You will have a decision by {0}.", dueOn.ToString("D", culture)].Value,
            CaseActionKind.MoreInformationRequested or CaseActionKind.FurtherNotice => t["Your answer has no deadline, but the decision waits for it: the time limit is paused until it arrives."].Value,
            CaseActionKind.Rejected => t["Administrative reconsideration: within 60 days of the day you receive this letter. An administrative lawsuit: within 6 months."].Value,
            _ => null,
        };
        if (byWhen is not null)
        {
            Add(t["By when"].Value, [byWhen]);
        }

        Add(t["How to get help"].Value, [t["No smartphone? Call the 12345 hotline and give the case reference, or bring this letter to any service hall. A family member or a helper can also act for you with your consent."].Value]);
        return sections;
    }
}
