using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tongban.Platform.Audit;
using Tongban.Platform.Calendar;
using Tongban.Platform.Data;
using Tongban.Platform.Localization;
using Tongban.Platform.Web;
using Tongban.Residents.Identity;
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

    /// <summary>The code sent to the mobile number of an account she already has, and what she read back from it.</summary>
    public Guid? Challenge { get; set; }

    public string? MobileCode { get; set; }
}

/// <summary>
/// The session's resident, or why not yet. <c>CodeSent</c>: a code went to her mobile, and the clerk asks her to read it
/// out, to prove the account with that number is hers.
/// </summary>
public sealed record AssistStarted(Guid? ResidentId, bool NotRegisteredYet, IReadOnlyList<FieldError> Errors, Guid? CodeSent = null);

/// <summary>
/// Finds a resident by her proven ID number and name (both must agree) or registers her, records how her
/// identity was checked and her consent, and starts the session in which the clerk acts for her. A number she only
/// typed on her profile finds nobody (docs/adr/0016): at a counter, the card proves it, and the code she reads
/// back from her phone proves which account is hers.
/// </summary>
public sealed class StartAssistedSession(AppDbContext db, TimeProvider clock, AuditTrail audit, BindProvenIdNumber bind, ReadBackCode readBack,
    IStringLocalizer<SharedResource> t)
{
    public const int MaxConsentReferenceLength = 64;

    /// <summary>
    /// A card can be checked only at a counter; by post, the copy that came with her signed form; on the phone,
    /// questions or a call back to the number on record.
    /// </summary>
    public static IReadOnlyList<IdentityCheck> ChecksFor(Channel channel) => channel switch
    {
        Channel.Counter => [IdentityCheck.IdCardReader, IdentityCheck.IdCardInspected],
        Channel.Post => [IdentityCheck.IdCardCopyEnclosed],
        _ => [IdentityCheck.SecurityQuestions, IdentityCheck.CallbackToRegisteredMobile],
    };

    /// <summary>The channel is Counter or Post for a counter clerk and Hotline for a hotline agent.</summary>
    public async Task<AssistStarted> Handle(Guid staffId, string staffName, Channel channel, AssistInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new List<FieldError>();
        var idNumber = ResidentIdNumber.Normalize(input.IdNumber);
        var problem = ResidentIdNumber.Check(idNumber, clock.Today());
        if (problem != ResidentIdProblem.None)
        {
            errors.Add(new("idNumber", ResidentIdMessages.For(problem, t)));
        }

        var name = PersonName.Normalize(input.FullName);
        if (name.Length == 0)
        {
            errors.Add(new("fullName", t["Enter the name as on the ID card."]));
        }
        else if (name.Length > Resident.MaxNameLength || !PersonName.IsWellFormed(name))
        {
            errors.Add(new("fullName", t["Write the name as on the ID card: letters, spaces and · only, at most {0} characters.", Resident.MaxNameLength]));
        }

        var allowedChecks = ChecksFor(channel);
        if (!Enum.TryParse<IdentityCheck>(input.IdentityCheck, out var check) || !allowedChecks.Contains(check))
        {
            errors.Add(new($"check-{allowedChecks[0]}", t["Choose how you checked who she is."]));
        }

        var consent = (input.ConsentReference ?? "").Trim();
        if (consent.Length == 0 || consent.Length > MaxConsentReferenceLength || !consent.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '/' or '_'))
        {
            errors.Add(new("consentReference", channel switch
            {
                Channel.Counter => t["Enter the number printed on the consent form she signed (letters, digits and - only)."],
                Channel.Post => t["Enter the number printed on the paper form she signed and posted (letters, digits and - only)."],
                _ => t["Enter the reference of the call recording in which she gave consent (letters, digits and - only)."],
            }));
        }

        var mobile = string.IsNullOrWhiteSpace(input.Mobile) ? null : MobileNumber.Normalize(input.Mobile);
        if (!string.IsNullOrWhiteSpace(input.Mobile) && mobile is null)
        {
            errors.Add(new("mobile", t["Enter a mainland mobile number with 11 digits, or leave it empty."]));
        }

        if (errors.Count > 0)
        {
            return new(null, false, errors);
        }

        var resident = await db.Residents.SingleOrDefaultAsync(r => r.IdNumber == idNumber, cancellationToken);
        var action = AuditAction.Viewed;
        if (resident is null)
        {
            if (!input.Register)
            {
                return new(null, true, errors);
            }

            if (ProofFor(channel, check) is not { } proof)
            {
                return new(null, true, [new("idNumber", t["Only a counter clerk who sees her ID card, or a paper form with a copy of it, can register her. Ask her to visit a service hall."])]);
            }

            var existing = mobile is null ? null : await db.Residents.AsNoTracking().SingleOrDefaultAsync(r => r.MobileNumber == mobile, cancellationToken);
            if (existing is not null)
            {
                // She probably signed in with this number before: her account gets the card's number once she shows she holds the phone.
                if (channel != Channel.Counter)
                {
                    return new(null, true, [new("mobile", t["This mobile number is already on another account. Leave it empty, and she can add it later."])]);
                }

                var linked = await LinkByMobile(existing, idNumber, name, mobile!, staffId, input, cancellationToken);
                if (linked.ResidentId is null)
                {
                    return linked;
                }

                resident = await db.Residents.SingleAsync(r => r.Id == existing.Id, cancellationToken);
                resident.FullName ??= name;
                action = AuditAction.Changed;
            }
            else
            {
                resident = new Resident
                {
                    Id = Guid.NewGuid(),
                    IdNumber = idNumber,
                    IdNumberProof = proof,
                    IdNumberVerifiedAt = now,
                    FullName = name,
                    DateOfBirth = ResidentIdNumber.BirthDate(idNumber),
                    // Typed by the clerk: a way to sign in only once a code sent to it is read back.
                    UnconfirmedMobileNumber = mobile,
                    ContactChannel = ContactChannel.Letter,
                    CreatedAt = now,
                };
                db.Residents.Add(resident);
                action = AuditAction.Created;
            }
        }
        else if (resident.FullName is not null && !string.Equals(resident.FullName, name, StringComparison.OrdinalIgnoreCase))
        {
            // Say no more than that: the name on record is hers, not the caller's to learn.
            return new(null, false, [new("fullName", t["The name does not match the one held for this ID number. Check both against the ID card."])]);
        }
        else if (resident.FullName is null)
        {
            // She registered with her mobile only; the clerk has just seen the card.
            resident.FullName = name;
            action = AuditAction.Changed;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
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
        await audit.Record(resident.Id, session.Actor(staffName), action, AuditSubject.Profile, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new(resident.Id, false, errors);
    }

    /// <summary>What the check at this channel proves: a card seen at the counter, a copy with a signed form by post; nothing on the phone.</summary>
    public static IdNumberProof? ProofFor(Channel channel, IdentityCheck check) => (channel, check) switch
    {
        (Channel.Counter, IdentityCheck.IdCardReader or IdentityCheck.IdCardInspected) => IdNumberProof.ClerkSawCard,
        (Channel.Post, IdentityCheck.IdCardCopyEnclosed) => IdNumberProof.CardCopyByPost,
        _ => null,
    };

    /// <summary>
    /// The account that signs in with the mobile number she gave gets the card's ID number, once the code sent to
    /// that number is read back to the clerk: the card proves the number, the code proves the account is hers.
    /// </summary>
    private async Task<AssistStarted> LinkByMobile(Resident existing, string idNumber, string name, string mobile, Guid staffId, AssistInput input, CancellationToken cancellationToken)
    {
        if (input.Challenge is not { } challenge)
        {
            var sent = await readBack.Send(mobile, staffId, cancellationToken);
            return sent.Challenge is { } id ? new(null, true, [], CodeSent: id) : new(null, true, [new("mobile", sent.Error!)]);
        }

        var proven = await readBack.Check(challenge, input.MobileCode, mobile, cancellationToken);
        if (proven.MobileNumber is null)
        {
            return new(null, true, [new("mobileCode", proven.Error!)], CodeSent: proven.MustStartAgain ? null : challenge);
        }

        if (existing.FullName is not null && !string.Equals(existing.FullName, name, StringComparison.OrdinalIgnoreCase))
        {
            return new(null, true, [new("fullName", t["The name on her account is not the name on this ID card. Check the card; if the account's name is wrong, correct it after you have found her."])]);
        }

        return await bind.Handle(existing.Id, idNumber, IdNumberProof.ClerkSawCard, cancellationToken) switch
        {
            BindOutcome.Bound => new(existing.Id, false, []),
            BindOutcome.Disputed => new(null, true, [new("idNumber", t["This ID number is already verified on another account. It is now listed for a clerk to sort out; nothing was moved."])]),
            _ => new(null, true, [new("idNumber", t["The account with this mobile number already has another verified ID number. Check the card and the number again."])]),
        };
    }
}
