namespace Tongban.Notifications.Letters;

/// <summary>
/// One printed letter, with every word already in her language: <see cref="LetterPdf"/> only lays it out, in large
/// type when her profile asks for it.
/// </summary>
public sealed record Letter(
    string Sender,
    string RecipientName,
    string Address,
    string Date,
    string Subject,
    IReadOnlyList<LetterSection> Sections,
    string ReferenceLabel,
    string Reference,
    string CaseUrl,
    string ScanLabel,
    string OnlineLabel,
    string PageLabel,
    bool LargePrint);
