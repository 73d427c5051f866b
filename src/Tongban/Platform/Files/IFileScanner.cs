namespace Tongban.Platform.Files;

public enum ScanVerdict
{
    Clean,
    Infected,

    /// <summary>The scanner could not be asked: the file is not kept unscanned, she is asked to try again.</summary>
    Unavailable,
}

/// <summary>A virus scanner for uploads: ClamAV's daemon in production (<see cref="ClamdScanner"/>).</summary>
public interface IFileScanner
{
    Task<ScanVerdict> Scan(ReadOnlyMemory<byte> content, CancellationToken cancellationToken);
}

/// <summary>
/// Development without a configured clamd only: refuses the industry-standard EICAR test file, so that the hook is
/// proven end to end on a machine with no virus engine. Never used outside Development.
/// </summary>
public sealed class EicarTestScanner : IFileScanner
{
    // Assembled at run time, so that this source file is not itself flagged by scanners.
    public static readonly byte[] Signature = System.Text.Encoding.ASCII.GetBytes(string.Concat(
        "X5O!P%@AP[4\\PZX54(P^)7CC)7}$", "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"));

    public Task<ScanVerdict> Scan(ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        Task.FromResult(content.Span.IndexOf(Signature) < 0 ? ScanVerdict.Clean : ScanVerdict.Infected);
}
