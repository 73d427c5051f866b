using Tongban.Cases;
using Tongban.Cases.Log;
using Tongban.Catalogue;
using Tongban.Platform.Jobs;

namespace Tongban.Certificates;

/// <summary>
/// An approval (by a person or by the published rules) of a service that issues an e-certificate schedules its issue in
/// the same unit of work: the certificate exists exactly when the approval does, moments later, signed by the job.
/// </summary>
public sealed class IssueOnApproval(CatalogueStore catalogue, JobScheduler jobs, TimeProvider clock) : ICaseChangeReaction
{
    public async Task Follow(CaseChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Action.Kind != CaseActionKind.Approved || change.Case.Status != CaseStatus.Approved)
        {
            return;
        }

        if ((await catalogue.Current(cancellationToken)).Service(change.Case.ServiceCode) is { IssuesECertificate: true })
        {
            var (subject, now) = (change.Case.Id.ToString(), clock.GetUtcNow().UtcDateTime);
            if (change.Opened)
            {
                jobs.ScheduleForNewSubject(IssueCertificate.JobKind, subject, now);
            }
            else
            {
                await jobs.Schedule(IssueCertificate.JobKind, subject, now, cancellationToken);
            }
        }
    }
}
