using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Calendar;
using Tongban.Platform.Data;
using Tongban.Platform.Telemetry;

namespace Tongban.Cases;

/// <summary>Open cases past their statutory time limit, the clock running (not those waiting for the resident).</summary>
internal sealed class CasesPastTimeLimit(TimeProvider clock) : IOperationsFigure
{
    public string Name => "tongban.cases.past_time_limit";

    public string Unit => "{case}";

    public string Description => "Open cases whose statutory time limit has passed.";

    public Task<long> Read(AppDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        return db.Cases.LongCountAsync(c => (c.Status == CaseStatus.WithOfficer || c.Status == CaseStatus.InProgress) && c.DueOn < today, cancellationToken);
    }
}
