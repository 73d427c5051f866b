using System.Collections.Concurrent;

namespace Tongban.Platform.Sms;

public sealed record SentSms(string To, string Text, DateTimeOffset SentAt);

/// <summary>
/// Development only: keeps the last messages in memory instead of sending them, and shows them at
/// <c>/dev/sms</c>, so that a newcomer can sign in without a gateway. Never registered in production.
/// </summary>
public sealed class DevelopmentSmsInbox(TimeProvider clock) : ISmsSender
{
    private const int Keep = 100;
    private readonly ConcurrentQueue<SentSms> _messages = new();

    public IReadOnlyList<SentSms> Messages => _messages.Reverse().ToList();

    public Task Send(string mobileNumber, string text, CancellationToken cancellationToken)
    {
        _messages.Enqueue(new SentSms(mobileNumber, text, clock.GetUtcNow()));
        while (_messages.Count > Keep && _messages.TryDequeue(out _))
        {
        }

        return Task.CompletedTask;
    }
}
