namespace Tongban.Residents.Identity;

/// <summary>
/// What another feature does once the city knows who she is (her ID number proven): proactive services look at once
/// for what she is entitled to, rather than at the next daily run. Residents names no feature.
/// </summary>
public interface IIdNumberProvenReaction
{
    /// <summary>Called after the number is saved, outside any transaction.</summary>
    Task Follow(Guid residentId, CancellationToken cancellationToken);
}
