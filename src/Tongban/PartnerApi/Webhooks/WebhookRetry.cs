namespace Tongban.PartnerApi.Webhooks;

/// <summary>
/// When a failed delivery is tried again: the schedule Standard Webhooks recommends (at once, then after 5 seconds,
/// 5 minutes, 30 minutes, 2, 5, 10 and 10 hours), about a day and a quarter in all; after the last failure it is given
/// up, shown to the operator, and the partner may replay it.
/// </summary>
public static class WebhookRetry
{
    /// <summary>The pause before each attempt after the first.</summary>
    public static IReadOnlyList<TimeSpan> Schedule { get; } =
        [TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(10)];

    /// <summary>Every attempt, the first included.</summary>
    public static int MaxAttempts => Schedule.Count + 1;

    /// <summary>The pause after failed attempt number <paramref name="attempts"/>, or null when that was the last.</summary>
    public static TimeSpan? After(int attempts) => attempts >= 1 && attempts <= Schedule.Count ? Schedule[attempts - 1] : null;
}
