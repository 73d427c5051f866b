using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tongban.Platform.Audit;
using Tongban.Platform.Calendar;
using Tongban.Platform.Data;
using Tongban.Platform.Localization;
using Tongban.Residents.Profile;

namespace Tongban.Residents.Assisted;

/// <summary>The clerk's or agent's form, kept whole when something needs correcting.</summary>
public sealed class AssistInput
{
    public string? IdNumber { get; set; }
    public string? FullName { get; set; }
    public string? Mobile { get; set; }
    public string? IdentityCheck { get; set; }
    public string? ConsentReference { get; set; }

    /// <summary>Set by the second click, after the clerk saw that nobody holds this ID number yet.</summary>
    public bool Register { get; set; }
}

public sealed record AssistStarted(Guid? ResidentId, bool NotRegisteredYet, IReadOnlyList<(string Field, string Message)> Errors);

/// <summary>
/// Finds a resident by ID number and name (both must agree) or registers her, records how her identity
/// was checked and her consent, and starts the session in which the clerk acts for her.
/// </summary>
public sealed class StartAssistedSession(AppDbContext db, TimeProvider clock, AuditTrail audit, IStringLocalizer<SharedResource> t)
{
    public const int MaxConsentReferenceLength = 64;

    /// <summary>
    /// A card can be checked only at a counter; by post, the copy that came with her signed form; on the phone,
    /// questions or a call back to the number on record.
    /// </summary>
    public static IReadOnlyList<IdentityCheck> ChecksFor(string channel) => channel switch
    {
        "Counter" => [IdentityCheck.IdCardReader, IdentityCheck.IdCardInspected],
        "Post" => [IdentityCheck.IdCardCopyEnclosed],
        _ => [IdentityCheck.SecurityQuestions, IdentityCheck.CallbackToRegisteredMobile],
    };

    /// <summary>The channel is "Counter" or "Post" for a counter clerk and "Hotline" for a hotline agent.</summary>
    public async Task<AssistStarted> Handle(Guid staffId, string staffName, string channel, AssistInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new List<(string Field, string Message)>();
        var idNumber = ResidentIdNumber.Normalize(input.IdNumber);
        var problem = ResidentIdNumber.Check(idNumber, clock.Today());
        if (problem != ResidentIdProblem.None)
        {
            errors.Add(("idNumber", ResidentIdMessages.For(problem, t)));
        }

        var name = PersonName.Normalize(input.FullName);
        if (name.Length == 0)
        {
            errors.Add(("fullName", t["Enter the name as on the ID card."]));
        }
        else if (name.Length > Resident.MaxNameLength || !PersonName.IsWellFormed(name))
        {
            errors.Add(("fullName", t["Write the name as on the ID card: letters, spaces and · only, at most {0} characters.", Resident.MaxNameLength]));
        }

        var allowedChecks = ChecksFor(channel);
        if (!Enum.TryParse<IdentityCheck>(input.IdentityCheck, out var check) || !allowedChecks.Contains(check))
        {
            errors.Add(($"check-{allowedChecks[0]}", t["Choose how you checked who she is."]));
        }

        var consent = (input.ConsentReference ?? "").Trim();
        if (consent.Length == 0 || consent.Length > MaxConsentReferenceLength || !consent.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '/' or '_'))
        {
            errors.Add(("consentReference", channel switch
            {
                "Counter" => t["Enter the number printed on the consent form she signed (letters, digits and - only)."],
                "Post" => t["Enter the number printed on the paper form she signed and posted (letters, digits and - only)."],
                _ => t["Enter the reference of the call recording in which she gave consent (letters, digits and - only)."],
            }));
        }

        var mobile = string.IsNullOrWhiteSpace(input.Mobile) ? null : MobileNumber.Normalize(input.Mobile);
        if (!string.IsNullOrWhiteSpace(input.Mobile) && mobile is null)
        {
            errors.Add(("mobile", t["Enter a mainland mobile number with 11 digits, or leave it empty."]));
        }

        if (errors.Count > 0)
        {
            return new(null, false, errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var resident = await db.Residents.SingleOrDefaultAsync(r => r.IdNumber == idNumber, cancellationToken);
        var action = AuditAction.Viewed;
        if (resident is null)
        {
            if (!input.Register)
            {
                return new(null, true, errors);
            }

            if (mobile is not null && await db.Residents.AnyAsync(r => r.MobileNumber == mobile, cancellationToken))
            {
                return new(null, true, [("mobile", t["This mobile number is already on another account. Leave it empty, and she can add it later."])]);
            }

            resident = new Resident
            {
                Id = Guid.NewGuid(),
                IdNumber = idNumber,
                FullName = name,
                DateOfBirth = ResidentIdNumber.BirthDate(idNumber),
                MobileNumber = mobile,
                ContactChannel = mobile is null ? ContactChannel.Letter : ContactChannel.Sms,
                CreatedAt = now,
            };
            db.Residents.Add(resident);
            action = AuditAction.Created;
        }
        else if (resident.FullName is not null && !string.Equals(resident.FullName, name, StringComparison.OrdinalIgnoreCase))
        {
            // Say no more than that: the name on record is hers, not the caller's to learn.
            return new(null, false, [("fullName", t["The name does not match the one held for this ID number. Check both against the ID card."])]);
        }
        else if (resident.FullName is null)
        {
            // She registered with her mobile only; the clerk has just seen the card.
            resident.FullName = name;
            action = AuditAction.Changed;
        }

        // One resident at a time: starting a new session ends the clerk's previous one.
        await db.AssistedSessions.Where(s => s.StaffId == staffId && s.EndedAt == null).ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now), cancellationToken);
        var session = new AssistedSession
        {
            Id = Guid.NewGuid(),
            StaffId = staffId,
            ResidentId = resident.Id,
            Channel = channel,
            IdentityCheck = check,
            ConsentReference = consent,
            StartedAt = now,
        };
        db.AssistedSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        await audit.Record(resident.Id, session.Actor(staffName), action, "Profile", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new(resident.Id, false, errors);
    }
}
