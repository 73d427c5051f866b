using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Platform.Data;
using Tongban.Platform.Files;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Applications;

/// <summary>The uploads of file questions, through the real page, into a file store outside the web root.</summary>
public sealed class UploadTests : IClassFixture<UploadTests.App>
{
    private const string Page = "/services/id-card-renewal/apply/idCard.photo";
    private readonly App _app;

    public UploadTests(App app) => _app = app;

    /// <summary>The app with its uploads in a folder of the test's own.</summary>
    public sealed class App : TongbanAppWithClock
    {
        public string Folder { get; } = Directory.CreateTempSubdirectory("tongban-uploads-").FullName;

        public App() => Settings["Files:Path"] = Folder;
    }

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private async Task<(FormClient Browser, Guid ResidentId)> OnThePhotoQuestion()
    {
        var mobile = People.NewMobile();
        var browser = await People.SignInResident(_app, mobile);
        await browser.Get("/services/id-card-renewal/apply");
        return (browser, (await People.Resident(_app, mobile)).Id);
    }

    private async Task<Dictionary<string, string>> Answers(Guid residentId)
    {
        await using var scope = _app.Scope();
        return (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Drafts.AsNoTracking().SingleAsync(d => d.ResidentId == residentId, TestContext.Current.CancellationToken)).Answers();
    }

    [Fact]
    public async Task APdf_IsKeptInTheStore_AndTheAnswerNamesIt()
    {
        var (browser, residentId) = await OnThePhotoQuestion();

        var (status, _, _) = await browser.Upload(Page, "file", "photo.pdf", Pdf);

        Assert.Equal(HttpStatusCode.Redirect, status);
        var file = UploadedFile.Read((await Answers(residentId))["idCard.photo"])!;
        Assert.Equal("application/pdf", file.ContentType);
        Assert.Equal("photo.pdf", file.Name);
        await using (var stored = await _app.Services.GetRequiredService<IFileStore>().Open(file.Key, TestContext.Current.CancellationToken))
        using (var copy = new MemoryStream())
        {
            await stored!.CopyToAsync(copy, TestContext.Current.CancellationToken);
            Assert.Equal(Pdf, copy.ToArray());
        }

        // On SQLite, in the folder of Files:Path; on PostgreSQL, in the database every node shares (Files:Store).
        Assert.Equal(_app.Database.Provider == DatabaseSetup.Sqlite ? 1 : 0, Directory.EnumerateFiles(_app.Folder, file.Key, SearchOption.AllDirectories).Count());
        Assert.Contains("photo.pdf", (await browser.Get(Page)).Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("invoice\u202Egpj.exe", "invoicegpj.pdf")]
    [InlineData("C:\\Users\\wang\\scan.PDF", "scan.pdf")]
    [InlineData("report.html", "report.pdf")]
    [InlineData("..", "document.pdf")]
    [InlineData("\u0007bell\u200B.pdf", "bell.pdf")]
    public async Task TheStoredName_EndsInTheTypeTheContentIs_WithoutControlOrDirectionCharacters(string sent, string stored)
    {
        var (browser, residentId) = await OnThePhotoQuestion();

        await browser.Upload(Page, "file", sent, Pdf);

        Assert.Equal(stored, UploadedFile.Read((await Answers(residentId))["idCard.photo"])!.Name);
    }

    public static TheoryData<string, string, string> Refused => new()
    {
        { "text renamed to pdf", "photo.pdf", "must be a PDF, JPG or PNG" },
        { "program renamed to png", "photo.png", "must be a PDF, JPG or PNG" },
        { "too big", "photo.png", "smaller than 5 MB" },
        { "virus inside a pdf", "photo.pdf", "may be harmful" },
        { "empty", "photo.pdf", "Choose a file to upload." },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task BadFiles_AreRefusedWithAMessage_AndNothingIsKept(string kind, string name, string message)
    {
        var (browser, residentId) = await OnThePhotoQuestion();
        byte[] content = kind switch
        {
            "text renamed to pdf" => Encoding.UTF8.GetBytes("just some text, not a pdf"),
            "program renamed to png" => [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00],
            "too big" => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[6 * 1024 * 1024]],
            "virus inside a pdf" => [.. Pdf, .. Encoding.ASCII.GetBytes("X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*")],
            _ => [],
        };

        var (status, html, _) = await browser.Upload(Page, "file", name, content);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.DoesNotContain("idCard.photo", (await Answers(residentId)).Keys);
    }

    [Fact]
    public async Task TheStore_NeverOpensAnythingButItsOwnKeys()
    {
        var store = _app.Services.GetRequiredService<IFileStore>();

        Assert.Null(await store.Open("../../../etc/passwd", TestContext.Current.CancellationToken));
        Assert.Null(await store.Open("..%2f..%2fetc%2fpasswd", TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.NotFound, (await new FormClient(_app).Get("/data/uploads/")).Status);
    }
}
