namespace Tongban.Notifications.Letters;

/// <summary>
/// Letters taken together for one print run: printed from one PDF, put in envelopes and handed to the post.
/// Its letters count as sent when the batch is posted, not before.
/// </summary>
public sealed class PrintBatch
{
    /// <summary>As many letters as one print run holds: a PDF that opens, a pile that fits a tray.</summary>
    public const int MaxLetters = 500;

    public Guid Id { get; set; }
    public DateTime StartedAt { get; set; }
    public Guid? StartedById { get; set; }
    public required string StartedBy { get; set; }
    public int Letters { get; set; }
    public DateTime? PostedAt { get; set; }
    public string? PostedBy { get; set; }
}
