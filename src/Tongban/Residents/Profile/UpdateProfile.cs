using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tongban.Catalogue;
using Tongban.Platform.Audit;
using Tongban.Platform.Calendar;
using Tongban.Platform.Data;
using Tongban.Platform.Localization;
using Tongban.Platform.Web;

namespace Tongban.Residents.Profile;

/// <summary>
/// Checks and saves a resident's profile, by herself or by staff acting for her with her consent. Either
/// every field is saved or none is; each problem is named with its field.
/// </summary>
public sealed class UpdateProfile(AppDbContext db, CatalogueStore catalogue, TimeProvider clock, AuditTrail audit, IStringLocalizer<SharedResource> t, IEnumerable<IProfileChangeReaction> reactions)
{
    public async Task<IReadOnlyList<FieldError>> Handle(Guid residentId, ProfileInput input, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var resident = await db.Residents.SingleAsync(r => r.Id == residentId, cancellationToken);
        var today = clock.Today();
        var errors = new List<FieldError>();

        var name = PersonName.Normalize(input.FullName);
        if (name.Length > Resident.MaxNameLength)
        {
            errors.Add(new("fullName", t["Your name must be {0} characters or fewer.", Resident.MaxNameLength]));
        }
        else if (name.Length > 0 && !PersonName.IsWellFormed(name))
        {
            errors.Add(new("fullName", t["Write your name as on your ID card: letters, spaces and · only."]));
        }

        // A proven number is not asked again (the form shows it): it changes only where it can be proven again.
        var idNumber = resident.IdNumber ?? ResidentIdNumber.Normalize(input.IdNumber);
        var idProblem = idNumber.Length == 0 ? ResidentIdProblem.None : ResidentIdNumber.Check(idNumber, today);
        if (idProblem != ResidentIdProblem.None)
        {
            errors.Add(new("idNumber", ResidentIdMessages.For(idProblem, t)));
        }

        var birth = ReadBirthDate(input, today, errors);
        if (birth is { } typedBirth && idProblem == ResidentIdProblem.None && idNumber.Length > 0 && ResidentIdNumber.BirthDate(idNumber) != typedBirth)
        {
            errors.Add(new("birthDay", t["The date of birth does not match the one in your ID number."]));
        }

        var snapshot = await catalogue.Current(cancellationToken);
        var district = string.IsNullOrEmpty(input.District) ? null : input.District;
        if (district is not null && !snapshot.Districts.Any(d => d.Code == district))
        {
            errors.Add(new("district", t["Choose a district from the list."]));
        }

        var language = string.IsNullOrEmpty(input.Language) ? null : input.Language;
        if (language is not null && language is not ("zh-CN" or "en"))
        {
            errors.Add(new("language-zh-CN", t["Choose a language from the list."]));
        }

        if (!Enum.TryParse<ContactChannel>(input.ContactChannel, out var contact) || !Enum.IsDefined(contact))
        {
            errors.Add(new("contact-Sms", t["Choose how we should contact you."]));
        }

        var address = (input.PostalAddress ?? "").Trim();
        if (address.Length > Resident.MaxAddressLength)
        {
            errors.Add(new("postalAddress", t["The address must be {0} characters or fewer.", Resident.MaxAddressLength]));
        }
        else if (address.Any(c => char.IsControl(c) && c is not ('\r' or '\n')) || address.Contains('<', StringComparison.Ordinal) || address.Contains('>', StringComparison.Ordinal))
        {
            errors.Add(new("postalAddress", t["The address contains characters we cannot print on a letter."]));
        }
        else if (contact == ContactChannel.Letter && address.Length == 0)
        {
            errors.Add(new("postalAddress", t["Enter the postal address we should send letters to."]));
        }

        var email = (input.Email ?? "").Trim();
        if (email.Length > 0 && !IsEmail(email))
        {
            errors.Add(new("email", t["Enter an email address like name@example.com."]));
        }
        else if (contact == ContactChannel.Email && email.Length == 0)
        {
            errors.Add(new("email", t["Enter the email address we should write to."]));
        }

        if (contact is ContactChannel.Sms or ContactChannel.PhoneCall && resident.MobileNumber is null)
        {
            errors.Add(new("contact-Sms", t["There is no mobile number on this account: choose a letter, or add a number by signing in with it."]));
        }

        var needs = AccessibilityNeeds.None;
        foreach (var need in input.Needs)
        {
            if (!Enum.TryParse<AccessibilityNeeds>(need, out var flag) || !Enum.IsDefined(flag))
            {
                errors.Add(new("need-LargeText", t["Choose needs from the list."]));
                break;
            }

            needs |= flag;
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var before = ProfileFields.Copy(resident);
        resident.FullName = name.Length == 0 ? null : name;
        if (resident.IdNumber is null)
        {
            // Typed, not proven: kept as her claim, which grants nothing until it is verified (docs/adr/0016).
            resident.ClaimedIdNumber = idNumber.Length == 0 ? null : idNumber;
        }

        resident.DateOfBirth = birth ?? (idNumber.Length > 0 ? ResidentIdNumber.BirthDate(idNumber) : null);
        resident.DistrictCode = district;
        resident.PreferredLanguage = language;
        resident.ContactChannel = contact;
        resident.PostalAddress = address.Length == 0 ? null : address;
        resident.Email = email.Length == 0 ? null : email;
        resident.AccessibilityNeeds = needs;
        resident.StatisticsConsent = input.StatisticsConsent;
        // Changed by someone else: she hears of it, at the contact she had before, whatever they changed.
        if (!actor.IsResident(residentId) && ProfileFields.Changed(before, resident) is { Count: > 0 } fields)
        {
            foreach (var reaction in reactions)
            {
                await reaction.Follow(new ProfileChange(before, resident, actor, fields), cancellationToken);
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await audit.Record(residentId, actor, AuditAction.Changed, AuditSubject.Profile, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return errors;
    }

    private DateOnly? ReadBirthDate(ProfileInput input, DateOnly today, List<FieldError> errors)
    {
        var (date, problem) = DateInput.Read(input.BirthDay, input.BirthMonth, input.BirthYear);
        var message = problem switch
        {
            DateInputProblem.NotNumbers => t["Enter your date of birth as day, month and year in numbers, for example 27 3 1956."],
            DateInputProblem.Impossible => t["This date does not exist. Check the day, month and year."],
            _ when date is { } d && (d > today || d.Year < 1880) => t["Your date of birth must be in the past."],
            _ => null,
        };
        if (message is not null)
        {
            errors.Add(new("birthDay", message));
            return null;
        }

        return date;
    }

    /// <summary>One plain address (no display name, no list), as an SMTP server will take it.</summary>
    private static bool IsEmail(string typed) =>
        typed.Length <= Resident.MaxEmailLength
        && System.Net.Mail.MailAddress.TryCreate(typed, out var parsed)
        && parsed.Address == typed
        && parsed.Host.Contains('.', StringComparison.Ordinal);
}
