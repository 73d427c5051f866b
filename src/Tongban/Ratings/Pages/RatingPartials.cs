using Tongban.Platform.Web;
using Tongban.Ratings.Rectifications;

namespace Tongban.Ratings.Pages;

/// <summary>What <c>_RatingForm</c> shows: what she entered so far, the problems with it, the dimensions asked.</summary>
public sealed record RatingFormModel(IReadOnlyList<FieldError> Errors, int? Level, IReadOnlyDictionary<string, int?> Dimensions, string? Comment, IReadOnlyList<string> Asked);

/// <summary>What <c>_RatingAnswers</c> shows: her rating, the rounds of its rectification, the answer awaiting her verdict.</summary>
public sealed record RatingAnswersModel(Rating Rating, IReadOnlyList<Rectification> Rounds, Rectification? AwaitingVerdict);
