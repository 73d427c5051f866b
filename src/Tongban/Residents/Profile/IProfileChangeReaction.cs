namespace Tongban.Residents.Profile;

/// <summary>Someone other than she changed her details.</summary>
/// <param name="Before">How she could be reached before the change: a message about it goes there, so a changed number or address cannot hide it.</param>
/// <param name="After">Her record as changed (not yet saved).</param>
/// <param name="By">Who changed it: a clerk, or a family member with her permission.</param>
/// <param name="Fields">What changed, as <see cref="ProfileFields"/> names it.</param>
public sealed record ProfileChange(Resident Before, Resident After, Platform.Audit.Actor By, IReadOnlyList<string> Fields);

/// <summary>
/// What another feature owes a change to her details made by someone else (her message, in Notifications). Called in
/// the unit of work of the change, so the message exists exactly when the change does; Residents names no feature.
/// </summary>
public interface IProfileChangeReaction
{
    Task Follow(ProfileChange change, CancellationToken cancellationToken);
}
