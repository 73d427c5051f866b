using Tongban.Platform.Localization;

namespace Tongban.PartnerApi.V1;

/// <summary>A text in both of the city's languages.</summary>
public sealed record ApiText(string ZhCn, string En)
{
    public static ApiText Of(LocalizedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new(text.ZhCn, text.En);
    }
}

/// <summary>A service of the catalogue, as a partner lists it.</summary>
public sealed record ApiService(string Code, ApiText Name, ApiText Summary, int TimeLimitWorkingDays, bool AppliesOnline);

/// <summary>One of her cases: the reference she reads on her letters, the service, where it stands and by when it is due.</summary>
public sealed record ApiCase(string Reference, string ServiceCode, ApiText ServiceName, string Status, DateTime SubmittedAt, DateOnly DueOn, DateTime? DecidedAt, string Channel);

/// <summary>A page of a list: the items and how many there are in all.</summary>
public sealed record ApiList<T>(IReadOnlyList<T> Items, int Total);

/// <summary>One answer to a question of an application: text as typed, a date as yyyy-MM-dd, a choice by its value, yes or no.</summary>
public sealed record ApiAnswer(string? Value);

/// <summary>A choice of a question: the value to send and what she reads.</summary>
public sealed record ApiOption(string Value, ApiText Label);

/// <summary>A question of the form, as the web asks it: its id, its type (Text, Number, Date, Choice, YesNo, Address, IdNumber, Phone, File) and words.</summary>
public sealed record ApiQuestion(string Id, string Type, ApiText Label, ApiText? Hint, bool Optional, IReadOnlyList<ApiOption> Options);

/// <summary>
/// Her application being filled in (the same draft she sees on the web and at a counter): which questions are answered,
/// which the city filled in from what it holds (their values are not disclosed), the next question to ask, or none
/// when it is ready to send. 'service' is the code of the form (a service's, or a life event's, then also in 'lifeEvent');
/// 'services' are those it will make a case for.
/// </summary>
public sealed record ApiApplication(Guid Id, string Service, IReadOnlyList<string> Answered, IReadOnlyList<string> Prefilled, ApiQuestion? Next, bool Submitted, string? LifeEvent, IReadOnlyList<string> Services);

/// <summary>What sending made: one case per service, each already judged by its published rules where it could be.</summary>
public sealed record ApiSubmitted(IReadOnlyList<ApiCase> Cases);

/// <summary>What to apply for: a service or a life event, by its catalogue code; for a life event, services of it she does not want.</summary>
public sealed record ApiStart(string? Service, string? LifeEvent = null, IReadOnlyList<string>? LeaveOut = null);

/// <summary>One of her appointments at a service hall: the reference she shows there, when, where and for what, and where it stands (Booked, Cancelled, CheckedIn, NoShow).</summary>
public sealed record ApiAppointment(string Reference, string ServiceCode, string HallCode, DateTime StartsAt, string Status);

/// <summary>One of her e-certificates: its number and kind, validity, where it stands (valid, suspended, revoked, expired), and the signed credential anyone can check at /verify.</summary>
public sealed record ApiCertificate(string Number, string Kind, DateTime IssuedAt, DateTime? ValidUntil, string Status, string Credential);

/// <summary>The address a partner's messages go to.</summary>
public sealed record ApiWebhookAddress(string? Url);

/// <summary>A partner's subscription; the secret only in the answer that created or rotated it.</summary>
public sealed record ApiWebhook(string Url, DateTime CreatedAt, DateTime ChangedAt, string? Secret);

/// <summary>One message to the partner: its <c>webhook-id</c>, what it says, and how sending it went.</summary>
public sealed record ApiWebhookDelivery(string Id, string Status, DateTime CreatedAt, int Attempts, DateTime? LastAttemptAt, string? LastResult, DateTime? DeliveredAt, int Replays, Webhooks.WebhookEvent Event);

/// <summary>
/// One step of her case as she sees it on her case page: what happened, when, by whom (resident, proxy, partner, staff or
/// rule, and the name shown to her), on which channel; the office's words, the items it asks for, the legal basis of a
/// refusal, the names of documents sent.
/// </summary>
public sealed record ApiCaseStep(int Sequence, string Action, DateTime At, string By, string? ByName, string Channel, string? Text, IReadOnlyList<string> Items, string? LegalBasis, IReadOnlyList<string> Documents);

/// <summary>What the partner does for her on a case it sent: InformationProvided (with 'text'), Withdrawn or ReviewRequested; 'version' is the case version it saw, if it wants a change since to refuse its own.</summary>
public sealed record ApiCaseActionRequest(string? Action, string? Text, int? Version);

/// <summary>A life situation (a birth, a move, retirement) and the services applied for together for it.</summary>
public sealed record ApiLifeEvent(string Code, ApiText Name, ApiText Summary, IReadOnlyList<string> Services);
