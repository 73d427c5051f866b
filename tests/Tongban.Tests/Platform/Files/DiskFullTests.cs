using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Platform.Files;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Platform.Files;

/// <summary>
/// The upload folder's disk is full: she is told to come back later and keeps what she entered, and no half-written
/// document is left behind. (docs/operations.md, "Fault drills", has the same on a real full filesystem.)
/// </summary>
public sealed class DiskFullTests
{
    public sealed class DiskFull : TongbanAppWithClock
    {
        public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"tongban-full-{Guid.NewGuid():N}");

        // The real folder store, given content that fails as a full disk does after the first bytes are written.
        protected override void ConfigureTestServices(IServiceCollection services) =>
            services.AddSingleton<IFileStore>(new FullDiskStore(new FileSystemFileStore(Folder)));

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            if (Directory.Exists(Folder))
            {
                Directory.Delete(Folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task AnUpload_WhenTheDiskIsFull_IsRefusedClearly_HerAnswersStay_AndNoHalfFileRemains()
    {
        await using var app = new DiskFull();
        await app.InitializeAsync();
        var resident = await People.SignInResident(app, People.NewMobile());
        await resident.Get("/services/id-card-renewal/apply");
        await resident.Submit("/services/id-card-renewal/apply/applicant.fullName", Applying.Fields("王秀英"));

        var (status, html, _) = await resident.Upload("/services/id-card-renewal/apply/idCard.photo", "file", "photo.pdf", Applying.Pdf);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("We could not keep your file just now", html, StringComparison.Ordinal);
        var (_, name, _) = await resident.Get("/services/id-card-renewal/apply/applicant.fullName");
        Assert.Contains("王秀英", name, StringComparison.Ordinal);
        Assert.Empty(Directory.Exists(app.Folder) ? Directory.EnumerateFiles(app.Folder, "*", SearchOption.AllDirectories) : []);
    }

    private sealed class FullDiskStore(IFileStore store) : IFileStore
    {
        public Task<string> Save(Stream content, CancellationToken cancellationToken) => store.Save(new FailingAfterFirstBytes(content), cancellationToken);

        public Task<Stream?> Open(string key, CancellationToken cancellationToken) => store.Open(key, cancellationToken);
    }

    private sealed class FailingAfterFirstBytes(Stream inner) : Stream
    {
        private bool _gaveSome;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_gaveSome)
            {
                throw new IOException("No space left on device", 28);
            }

            _gaveSome = true;
            return inner.Read(buffer, offset, Math.Min(count, 16));
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
