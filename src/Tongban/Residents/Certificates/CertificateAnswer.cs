namespace Tongban.Residents.Certificates;

/// <summary>How an e-certificate given in place of an upload is written in an answer: "ecert:{kind}:{number}".</summary>
public sealed record CertificateAnswer(string Kind, string Number)
{
    public static string Write(ECertificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return $"ecert:{certificate.Kind}:{certificate.Number}";
    }

    public static CertificateAnswer? Read(string? answer) =>
        (answer ?? "").Split(':', 3) is ["ecert", var kind, var number] ? new(kind, number) : null;
}
