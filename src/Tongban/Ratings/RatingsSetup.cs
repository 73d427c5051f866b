using Tongban.Cases;
using Tongban.Platform.Jobs;
using Tongban.Ratings.Rectifications;

namespace Tongban.Ratings;

public static class RatingsSetup
{
    public static IServiceCollection AddRatings(this IServiceCollection services) => services
        .AddScoped<RateCase>()
        .AddScoped<Visits.RateVisit>()
        .AddScoped<Visits.InviteToRateVisit>()
        .AddScoped<IJobHandler>(sp => sp.GetRequiredService<Visits.InviteToRateVisit>())
        .AddScoped<Residents.Assisted.IFollowEndedSessions>(sp => sp.GetRequiredService<Visits.InviteToRateVisit>())
        .AddScoped<RatingFigures>()
        .AddScoped<Helpful.GivePageFeedback>()
        .AddScoped<Helpful.PageFeedbackFigures>()
        .AddScoped<OpenRectification>()
        .AddScoped<AnswerRectification>()
        .AddScoped<JudgeRectification>()
        .AddScoped<Counter.OpenCounterRating>()
        .AddScoped<Appeals.AppealRating>()
        .AddScoped<Appeals.DecideAppeal>()
        .AddScoped<IJobHandler, CheckRectificationDeadline>()
        .AddScoped<InviteToRate>()
        .AddCaseChangeReaction<InviteToRate>()
        .AddScoped<IJobHandler, RemindToRate>()
        .AddScoped<RateBySms>()
        .AddScoped<Platform.Sms.ISmsReplyHandler>(sp => sp.GetRequiredService<RateBySms>());
}
