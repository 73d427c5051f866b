namespace Tongban.Ratings;

/// <summary>
/// The dimensions the national rules (国办发〔2019〕51号) ask beside the overall level: online, the efficiency, the
/// accuracy of the guide, the convenience and the ease of use; offline, the efficiency, the staff's competence and attitude.
/// </summary>
public static class RatingDimensions
{
    public static readonly IReadOnlyList<string> Online = ["Efficiency", "GuideAccuracy", "Convenience", "EaseOfUse"];
    public static readonly IReadOnlyList<string> Offline = ["Efficiency", "Competence", "Attitude"];

    /// <summary>At a counter, by phone or by post people served her (offline); everywhere else she served herself, or the city acted on its own.</summary>
    public static IReadOnlyList<string> For(Channel servedOn) => servedOn is Channel.Counter or Channel.Hotline or Channel.Post ? Offline : Online;
}
