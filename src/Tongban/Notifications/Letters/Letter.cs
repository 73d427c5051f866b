namespace Tongban.Notifications.Letters;

/// <summary>One printed letter, with every word already in her language: <see cref="LetterPdf"/> only lays it out.</summary>
public sealed record Letter(
    string Sender,
    string RecipientName,
    string Address,
    string Date,
    string Subject,
    string Text,
    string ReferenceLabel,
    string Reference,
    string CaseUrl,
    string ScanLabel,
    string OnlineLabel,
    string OtherWays);
