using System.Globalization;

namespace Tongban.Notifications;

/// <summary>
/// What a message is about, as its unique key: one action of one case, or the "someone acted for you" message of
/// that action. A letter reads it back to write out the action in full (<see cref="Letters.LetterContent"/>).
/// </summary>
public static class NotificationKey
{
    public static string ForAction(Guid caseId, int sequence) => $"case:{caseId:N}:{sequence}";

    public static string ActedFor(Guid caseId, int sequence) => $"{ForAction(caseId, sequence)}:for";

    /// <summary>The action a key is about, and whether it is the acted-for message; null for any other key.</summary>
    public static (int Sequence, bool ActedFor)? Action(string key)
    {
        var parts = (key ?? "").Split(':');
        return parts is ["case", _, var sequence, ..] && parts.Length <= 4 && (parts.Length == 3 || parts[3] == "for")
            && int.TryParse(sequence, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? (n, parts.Length == 4)
            : null;
    }
}
