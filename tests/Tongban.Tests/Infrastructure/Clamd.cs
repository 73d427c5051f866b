namespace Tongban.Tests.Infrastructure;

/// <summary>
/// ClamAV's daemon for the upload tests: the local socket named by TONGBAN_TEST_CLAMD (.ci/run starts a clamd
/// whose only signature is the EICAR test file's). Without it, tests that need it skip, or fail in CI.
/// </summary>
public static class Clamd
{
    public static string? Socket => Environment.GetEnvironmentVariable("TONGBAN_TEST_CLAMD") is { Length: > 0 } path && File.Exists(path) ? path : null;

    public static string Required()
    {
        if (Socket is { } socket)
        {
            return socket;
        }

        const string Reason = "No ClamAV daemon: set TONGBAN_TEST_CLAMD to its local socket (apt-get install clamav-daemon; .ci/run starts one).";
        Assert.SkipWhen(Environment.GetEnvironmentVariable("CI") != "true", Reason);
        Assert.Fail(Reason);
        return "";
    }
}
