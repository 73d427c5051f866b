using Tongban.Platform.Audit;

namespace Tongban.Cases.Log;

/// <summary>
/// One entry of a case's append-only log. The key is (case, sequence): an action is written as "the next
/// after the one I saw", so of two officers acting at once only the first lands.
/// </summary>
public sealed class CaseAction
{
    public Guid CaseId { get; set; }
    public int Sequence { get; set; }
    public CaseActionKind Kind { get; set; }
    public DateTime At { get; set; }

    public ActorKind ActorKind { get; set; }
    public Guid? ActorId { get; set; }

    /// <summary>Null when she acted herself.</summary>
    public string? ActorName { get; set; }

    public Channel Channel { get; set; }

    /// <summary>The delegation, consent or department right the actor used.</summary>
    public string? ActingUnder { get; set; }

    /// <summary>Reasons of a refusal, her answer to a notice, or a note to the resident or colleague.</summary>
    public string? Text { get; set; }

    /// <summary>The law or regulation a refusal rests on.</summary>
    public string? LegalBasis { get; set; }

    /// <summary>Every missing item of a one-time notice.</summary>
    public List<string> Items { get; set; } = [];

    /// <summary>Documents she sent with her answer to a notice, each as <see cref="Platform.Files.UploadedFile"/> writes it.</summary>
    public List<string> Documents { get; set; } = [];

    public Guid? AssignedToId { get; set; }
    public string? AssignedToName { get; set; }

    public static CaseAction By(Actor actor, CaseActionKind kind, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return new()
        {
            Kind = kind,
            At = at,
            ActorKind = actor.Kind,
            ActorId = actor.Id,
            ActorName = actor.Kind == ActorKind.Resident ? null : actor.Name,
            Channel = actor.Channel,
            ActingUnder = actor.Reason,
        };
    }
}
