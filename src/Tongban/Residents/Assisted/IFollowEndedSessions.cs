namespace Tongban.Residents.Assisted;

/// <summary>
/// What another feature does when a clerk's or agent's sessions end (the invitation to rate the visit or call), in the
/// same unit of work as the ending. An interface here, so that this feature names none of those that follow it.
/// </summary>
public interface IFollowEndedSessions
{
    Task Follow(IReadOnlyList<AssistedSession> ended, CancellationToken cancellationToken);
}
