using Tongban.Applications;

namespace Tongban.Tests.Infrastructure;

/// <summary>A funnel row to write when a test needs any row at all (the write gate's, the kept statements').</summary>
public static class FormSteps
{
    public static FormEvent Viewed(string page) => new()
    {
        FormKey = "service:test",
        Page = page,
        Step = FormStep.Viewed,
        Channel = Channel.Online,
        AgeBand = "unknown",
        District = "unknown",
        Language = "unknown",
        Needs = "unknown",
        At = DateTime.UtcNow,
    };
}
