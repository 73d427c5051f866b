namespace Tongban.Notifications;

public enum NotificationChannel
{
    /// <summary>Only the portal inbox: she chose the app, or there is no other way to reach her.</summary>
    Inbox,
    Sms,
    Email,
    Letter,
}

public enum DeliveryStatus
{
    Pending,
    Sent,

    /// <summary>A letter waiting in the print-and-post queue.</summary>
    AwaitingPrint,

    /// <summary>Every attempt failed and no fallback was left: staff see it and can send it again.</summary>
    Dead,
}

/// <summary>
/// One message to a resident about her case: the outbox row, written in the same transaction as the action
/// it tells of, then delivered by a job. Every message is also in her portal inbox, whatever the channel.
/// </summary>
public sealed class Notification
{
    public const int MaxAttempts = 5;

    public Guid Id { get; set; }
    public Guid ResidentId { get; set; }
    public Guid? CaseId { get; set; }

    /// <summary>For a message not about a case (an offer): the reference a letter prints, and the page its QR code opens.</summary>
    public string? Reference { get; set; }

    public string? LinkPath { get; set; }

    /// <summary>What it is about, unique: one message per case action, never two.</summary>
    public required string Key { get; set; }

    /// <summary>In her language when it was written.</summary>
    public required string Text { get; set; }

    /// <summary>The subject line, for an email or a letter.</summary>
    public required string Subject { get; set; }

    public NotificationChannel Channel { get; set; }

    /// <summary>The mobile number, email or postal address used, as it was when written.</summary>
    public string? Address { get; set; }

    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>For a letter: sent when the batch it was printed in is posted.</summary>
    public DateTime? SentAt { get; set; }

    /// <summary>For a letter: the print batch that took it, null while it waits for one.</summary>
    public Guid? PrintBatchId { get; set; }
}
