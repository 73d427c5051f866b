using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Options;

namespace Tongban.Platform.Files;

public sealed class ClamdOptions
{
    /// <summary>clamd's local socket (its <c>LocalSocket</c> setting), for example /run/clamav/clamd.ctl.</summary>
    public string? Socket { get; set; }

    /// <summary>Or clamd's TCP address (<c>TCPAddr</c>, <c>TCPSocket</c>).</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 3310;

    public int TimeoutSeconds { get; set; } = 30;
}

/// <summary>
/// Scans with ClamAV's daemon over its own protocol (clamd(8), INSTREAM): the bytes go in length-prefixed chunks,
/// clamd answers "stream: OK" or "stream: {signature} FOUND". Anything else, or no answer, is
/// <see cref="ScanVerdict.Unavailable"/>: a file is never kept because the scanner was away.
/// </summary>
public sealed class ClamdScanner(IOptions<ClamdOptions> options, ILogger<ClamdScanner> logger) : IFileScanner
{
    private const int Chunk = 64 * 1024;

    public async Task<ScanVerdict> Scan(ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        try
        {
            var local = string.IsNullOrEmpty(settings.Socket) ? null : settings.Socket;
            using var socket = local is not null
                ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
                : new Socket(SocketType.Stream, ProtocolType.Tcp);
            if (local is not null)
            {
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(local), timeout.Token);
            }
            else
            {
                await socket.ConnectAsync(settings.Host ?? "127.0.0.1", settings.Port, timeout.Token);
            }

            await using var stream = new NetworkStream(socket, ownsSocket: false);
            await stream.WriteAsync("zINSTREAM\0"u8.ToArray(), timeout.Token);
            var length = new byte[4];
            for (var offset = 0; offset < content.Length; offset += Chunk)
            {
                var part = content.Slice(offset, Math.Min(Chunk, content.Length - offset));
                BinaryPrimitives.WriteUInt32BigEndian(length, (uint)part.Length);
                await stream.WriteAsync(length, timeout.Token);
                await stream.WriteAsync(part, timeout.Token);
            }

            BinaryPrimitives.WriteUInt32BigEndian(length, 0);
            await stream.WriteAsync(length, timeout.Token);
            var answer = await ReadAnswer(stream, timeout.Token);
            if (answer.EndsWith(" FOUND", StringComparison.Ordinal))
            {
                logger.LogWarning("ClamAV refused an upload: {Answer}", answer);
                return ScanVerdict.Infected;
            }

            if (answer == "stream: OK")
            {
                return ScanVerdict.Clean;
            }

            logger.LogError("ClamAV did not scan an upload: {Answer}", answer);
            return ScanVerdict.Unavailable;
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "ClamAV could not be reached");
            return ScanVerdict.Unavailable;
        }
    }

    private static async Task<string> ReadAnswer(NetworkStream stream, CancellationToken cancellationToken)
    {
        var answer = new List<byte>();
        var buffer = new byte[256];
        while (answer.Count < 4096)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                break;
            }

            answer.AddRange(buffer.AsSpan(0, read));
            if (answer.Contains(0))
            {
                break;
            }
        }

        return Encoding.ASCII.GetString(answer.ToArray()).TrimEnd('\0', '\n');
    }
}
