using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Tongban.Platform.Email;

public sealed class SmtpSettings
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;

    /// <summary>The sender, for example <c>通办 Tongban &lt;no-reply@tongban.example&gt;</c>.</summary>
    public string From { get; set; } = "Tongban <no-reply@localhost>";

    /// <summary>StartTls (default), SslOnConnect, or None (only for a server on the same host).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;

    public string? UserName { get; set; }
    public string? Password { get; set; }
}

/// <summary>Sends through an SMTP server with MailKit: one connection per message, as messages are few and retried.</summary>
public sealed class SmtpEmailSender(SmtpSettings settings) : IEmailSender
{
    public async Task Send(string recipient, string subject, string text, CancellationToken cancellationToken)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(recipient));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = text };
        using var client = new SmtpClient();
        await client.ConnectAsync(settings.Host ?? throw new InvalidOperationException("Email:Smtp:Host is not set."), settings.Port, settings.Security, cancellationToken);
        if (settings.UserName is { Length: > 0 } user)
        {
            await client.AuthenticateAsync(user, settings.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
