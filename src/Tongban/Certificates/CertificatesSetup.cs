using Tongban.Cases;
using Tongban.Platform.Jobs;

namespace Tongban.Certificates;

public static class CertificatesSetup
{
    public static IServiceCollection AddCertificates(this IServiceCollection services) => services
        .AddSingleton<IssuerKeys>()
        .AddSingleton<CityIssuer>()
        .AddScoped<CertificateLog>()
        .AddScoped<StatusLists>()
        .AddScoped<VerifyCredential>()
        .AddScoped<ChangeCertificateStatus>()
        .AddScoped<IssueOnApproval>()
        .AddCaseChangeReaction<IssueOnApproval>()
        .AddScoped<IJobHandler, IssueCertificate>();
}
