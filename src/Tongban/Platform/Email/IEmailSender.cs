namespace Tongban.Platform.Email;

/// <summary>Sends one plain-text email. A failure throws, so that the outbox retries it.</summary>
public interface IEmailSender
{
    Task Send(string recipient, string subject, string text, CancellationToken cancellationToken);
}
