using System.Text.Json;

namespace Tongban.Applications;

/// <summary>
/// A form being filled in, saved after every answered page. It belongs to the resident, not to whoever
/// types, so she, her proxy or a clerk acting for her can each carry on where the last one stopped.
/// </summary>
public sealed class Draft
{
    public Guid Id { get; set; }
    public Guid ResidentId { get; set; }

    /// <summary>"services/{code}" or "life-events/{code}".</summary>
    public required string FormKey { get; set; }

    /// <summary>Answers by question id, as JSON (see <see cref="Answers"/>).</summary>
    public string AnswersJson { get; set; } = "{}";

    /// <summary>Questions answered from what the city holds (once-only), shown for checking rather than asked.</summary>
    public List<string> Prefilled { get; set; } = [];

    /// <summary>Services of a life event she chose not to apply for: their questions are not asked and no case is made.</summary>
    public List<string> LeftOut { get; set; } = [];

    /// <summary>The channel the draft was started on; each case records the channel it was submitted on.</summary>
    public Channel StartedChannel { get; set; }

    /// <summary>Goes up by one with every save; two channels saving at once cannot overwrite each other.</summary>
    public int Revision { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }

    /// <summary>When the funnel counted the draft as abandoned; cleared when she carries on, so a second stop counts again.</summary>
    public DateTime? AbandonedAt { get; set; }

    public Dictionary<string, string> Answers() =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(AnswersJson) ?? [];

    public void SetAnswers(Dictionary<string, string> answers) => AnswersJson = JsonSerializer.Serialize(answers);
}
