using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Tongban.Cases;
using Tongban.Catalogue;
using Tongban.Platform.Data;
using Tongban.Platform.Jobs;
using Tongban.Residents.Certificates;

namespace Tongban.Certificates;

/// <summary>
/// Issues the e-certificate of an approved case, once: a W3C Verifiable Credential (Data Model 2.0) about her, with
/// what the certificate discloses (her name, her ID number masked, the kind, its number, validity), its entries in the
/// revocation and suspension status lists, signed as <c>application/vc+jwt</c>; appended to the transparency log; and
/// added to the register that once-only forms read (<see cref="ECertificate"/>) when her ID number is proven.
/// </summary>
public sealed class IssueCertificate(AppDbContext db, CatalogueStore catalogue, CityIssuer issuer, CertificateLog log, TimeProvider clock) : IJobHandler
{
    public const string JobKind = "IssueCertificate";

    /// <summary>Bits in each status list: the spec's minimum, 16 KB, for herd privacy.</summary>
    public const int StatusListSize = 131_072;

    public string Kind => JobKind;

    public async Task<DateTime?> Run(string subject, CancellationToken cancellationToken)
    {
        var caseId = Guid.Parse(subject, CultureInfo.InvariantCulture);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Lock(CertificateLog.LockKey, cancellationToken);
        var found = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (found is not { Status: CaseStatus.Approved } || await db.Certificates.AnyAsync(c => c.CaseId == caseId, cancellationToken))
        {
            return null;
        }

        var snapshot = await catalogue.Current(cancellationToken);
        var service = snapshot.Service(found.ServiceCode)!;
        var resident = await db.Residents.AsNoTracking().SingleAsync(r => r.Id == found.ResidentId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var certificate = new Certificate
        {
            Id = Guid.NewGuid(),
            Number = "EC-" + CaseReference.New(),
            Kind = service.Code,
            CaseId = caseId,
            ResidentId = resident.Id,
            IssuedAt = now,
            ValidUntil = service.CertificateValidYears is { } years ? now.AddYears(years) : null,
            StatusIndex = await FreeStatusIndex(cancellationToken),
            KeyId = "",
            Jwt = "",
        };
        (certificate.Jwt, certificate.KeyId) = issuer.Sign(Credential(certificate, service, resident.FullName, resident.IdNumber));
        db.Certificates.Add(certificate);
        certificate.LogIndex = (await log.Append(certificate.Id, CertificateLog.Issued(certificate.Number, certificate.Jwt), cancellationToken)).Index;
        if (resident.IdNumber is { } proven)
        {
            db.ECertificates.Add(new ECertificate
            {
                Id = certificate.Id,
                Kind = certificate.Kind,
                HolderIdNumber = proven,
                Number = certificate.Number,
                IssuedBy = service.Department?.Name.Current ?? "Tongban",
                IssuedOn = DateOnly.FromDateTime(Platform.Calendar.CityTime.Local(now)),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    /// <summary>The credential: only what a landlord, employer or bank needs to see, the ID number masked but for its ends.</summary>
    public JsonObject Credential(Certificate certificate, Service service, string? fullName, string? idNumber)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(service);
        var statusList = issuer.BaseUrl + "/credentials/status/";
        JsonObject Status(string purpose) => new()
        {
            ["id"] = $"{statusList}{purpose}#{certificate.StatusIndex}",
            ["type"] = "BitstringStatusListEntry",
            ["statusPurpose"] = purpose,
            ["statusListIndex"] = certificate.StatusIndex.ToString(CultureInfo.InvariantCulture),
            ["statusListCredential"] = statusList + purpose,
        };
        var subject = new JsonObject
        {
            ["type"] = "CertificateHolder",
            ["certificate"] = new JsonObject
            {
                ["kind"] = certificate.Kind,
                ["name"] = new JsonObject { ["zh-CN"] = service.Name.ZhCn, ["en"] = service.Name.En },
                ["number"] = certificate.Number,
            },
        };
        if (fullName is not null)
        {
            subject["name"] = fullName;
        }

        if (idNumber is { Length: 18 })
        {
            subject["idNumberMasked"] = idNumber[..4] + new string('*', 10) + idNumber[^4..];
        }

        var credential = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
            ["id"] = $"urn:uuid:{certificate.Id}",
            ["type"] = new JsonArray("VerifiableCredential", "ECertificate"),
            ["issuer"] = new JsonObject { ["id"] = issuer.Did, ["name"] = service.Department?.Name.ZhCn ?? "深圳市" },
            ["validFrom"] = Iso(certificate.IssuedAt),
            ["credentialSubject"] = subject,
            ["credentialStatus"] = new JsonArray(Status("revocation"), Status("suspension")),
        };
        if (certificate.ValidUntil is { } until)
        {
            credential["validUntil"] = Iso(until);
        }

        return credential;
    }

    public static string Iso(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>A random index no certificate has (the log's lock is held, so none is taken meanwhile).</summary>
    private async Task<int> FreeStatusIndex(CancellationToken cancellationToken)
    {
        while (true)
        {
            var index = System.Security.Cryptography.RandomNumberGenerator.GetInt32(StatusListSize);
            if (!await db.Certificates.AnyAsync(c => c.StatusIndex == index, cancellationToken))
            {
                return index;
            }
        }
    }
}
