using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.WebEncoders;
using Tongban.Applications;
using Tongban.Cases;
using Tongban.Catalogue;
using Tongban.Catalogue.Hsds;
using Tongban.Certificates;
using Tongban.Entitlements;
using Tongban.Halls;
using Tongban.Insights;
using Tongban.Notifications;
using Tongban.PartnerApi;
using Tongban.PartnerApi.V1;
using Tongban.Partners;
using Tongban.Platform.Audit;
using Tongban.Platform.Audit.Anchor;
using Tongban.Platform.Auth;
using Tongban.Platform.Calendar;
using Tongban.Platform.Data;
using Tongban.Platform.Email;
using Tongban.Platform.Files;
using Tongban.Platform.Jobs;
using Tongban.Platform.Localization;
using Tongban.Platform.Sms;
using Tongban.Platform.Telemetry;
using Tongban.Platform.Web;
using Tongban.Ratings;
using Tongban.Residents;
using Tongban.Residents.Identity;
using Tongban.Staff;

var builder = WebApplication.CreateBuilder(args);

// Under systemd (deploy/tongban.service): ready is reported when the app serves, and logs go to the journal. Elsewhere nothing changes.
builder.Host.UseSystemd();
// …but the log lines stay as configured (JSON with the trace id outside Development), not systemd's plain format.
builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(builder.Configuration.GetSection("Logging:Console"));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddTongbanDatabase(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddCatalogue(builder.Configuration);
builder.Services.AddWorkingDayCalendar();
builder.Services.AddTongbanAuth(builder.Configuration, builder.Environment);
builder.Services.AddAuditTrail();
builder.Services.AddSms(builder.Configuration, builder.Environment);
builder.Services.AddEmail(builder.Configuration);
builder.Services.AddResidents(builder.Configuration);
builder.Services.AddIdentityProof(builder.Configuration, builder.Environment);
builder.Services.AddStaff(builder.Configuration);
builder.Services.AddApplications();
builder.Services.AddPartners(builder.Configuration);
builder.Services.AddPartnerApi(builder.Configuration, builder.Environment);
builder.Services.AddJobs(builder.Configuration);
builder.Services.AddCases();
builder.Services.AddRatings();
builder.Services.AddHalls();
builder.Services.AddCertificates();
builder.Services.AddNotifications();
builder.Services.AddEntitlements();
builder.Services.AddInsights();
builder.Services.AddFiles(builder.Configuration, builder.Environment);
builder.Services.AddTongbanLocalization();
builder.Services.AddRazorPages(o => o.RootDirectory = "/");
// Chinese text is written as itself, not as &#x..; entities that would triple the weight of every page.
builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
builder.Services.AddProblemDetails();
builder.Services.AddReverseProxySupport(builder.Configuration);
// A year, subdomains included, as HSTS preload lists expect; only outside Development (UseHsts below).
builder.Services.AddHsts(o =>
{
    o.MaxAge = TimeSpan.FromDays(365);
    o.IncludeSubDomains = true;
});
builder.Services.AddOpenApi();
// HSDS and other open-data shapes type optional fields as strings, not null: leave absent values out.
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull);
// Residents on 2G or a capped plan pay for every byte: compress over HTTPS too. ASP.NET Core masks
// antiforgery tokens afresh on every response, which blunts compression side channels (BREACH).
builder.Services.AddResponseCompression(o => o.EnableForHttps = true);
builder.Services.AddTelemetry(builder.Configuration);
builder.Services.AddHealthEndpoints();
builder.Services.AddHostedService<MemoryBackWhenQuiet>();

var app = builder.Build();

// `seed --residents N --seed S`: a synthetic city for the observatory, then exit (Insights/Seeding).
if (args is ["seed", .. var seedArgs])
{
    foreach (var startUp in app.Services.GetServices<IHostedService>().Where(s => s is not JobLoop))
    {
        await startUp.StartAsync(CancellationToken.None);
    }

    Environment.ExitCode = await Tongban.Insights.Seeding.SeedCommand.Run(app.Services, seedArgs, Console.Out, CancellationToken.None);
    return;
}

// `backup --to FILE`: a consistent copy of the SQLite database while Tongban runs, then exit (Platform/Data/Backup).
if (args is ["backup", .. var backupArgs])
{
    Environment.ExitCode = await Tongban.Platform.Data.Backup.BackupCommand.Run(app.Services, backupArgs, Console.Out, CancellationToken.None);
    return;
}

// `rotate-issuer-key`: a new e-certificate issuer key signs from now on; the old ones stay published (Certificates).
if (args is ["rotate-issuer-key"])
{
    Console.WriteLine("New issuer key: " + app.Services.GetRequiredService<IssuerKeys>().Rotate());
    return;
}

// `rotate-partner-key`: a new key signs the partner API's ID tokens once each node restarts; the old ones stay published (PartnerApi).
if (args is ["rotate-partner-key"])
{
    Console.WriteLine("New partner API signing key: " + app.Services.GetRequiredService<ApiSigningKeys>().Rotate());
    return;
}

// Outside Development the audit log's signing key must be there from the start, not found missing at the first head;
// so must the e-certificate issuer's keys and domain, and the partner API's signing keys.
_ = app.Services.GetRequiredService<AnchorKey>();
_ = app.Services.GetRequiredService<CityIssuer>().Did;
_ = app.Services.GetRequiredService<IssuerKeys>().Current;
_ = app.Services.GetRequiredService<ApiSigningKeys>().All;

app.UseForwardedHeaders();
// Before HTTPS is required: Prometheus scrapes each node directly, over plain HTTP, with its key.
app.UseMetricsEndpoint(app.Configuration);
app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error");
    app.UseHsts();
    app.UseHttpsOnly();
}

app.UseResponseCompression();
// People get a helpful page in their language; programs get RFC 9457 problem details (see ErrorModel).
app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseUtf8Bodies();
app.UseTongbanLocalization();
app.UseAuthentication();
app.UseDatabaseAwayAfterAuthentication();
app.UseAuthorization();
app.MapStaticAssets();
// Benchmarks compare a dynamic page with the same bytes served as a plain file by this same server (bench/README.md).
if (app.Configuration["Bench:StaticFolder"] is { Length: > 0 } benchFolder)
{
    app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(benchFolder), RequestPath = "/bench-static" });
}

app.MapRazorPages().WithStaticAssets();
app.MapHealthEndpoints();
app.MapOpenApi();
app.MapHsds();
app.MapInsightsData();
app.MapSmsReplies();
app.MapRatingsData();
app.MapAuditTransparency();
app.MapCertificates();
app.MapPartnerTokens();
Tongban.PartnerApi.Pages.AuthorizeModel.MapAuthorizeContinue(app);
app.MapPartnerApiV1();
app.MapLanguageSwitch();
app.MapElderModeSwitch();

await app.RunAsync();

/// <summary>Entry point, public so that integration tests can host the real app.</summary>
public partial class Program;
