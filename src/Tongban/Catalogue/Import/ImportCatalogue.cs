using Microsoft.EntityFrameworkCore;
using Tongban.Platform.Data;
using Tongban.Platform.Localization;

namespace Tongban.Catalogue.Import;

public sealed record ImportReport(int Created, int Updated, int Unchanged, int Retired);

/// <summary>
/// Imports the catalogue folder: validates all of it first and changes nothing if any part is wrong;
/// then upserts every item by its code, so that re-running changes nothing and a changed item keeps its id.
/// A service that left the catalogue is retired, not deleted, because cases may still name it.
/// </summary>
public sealed class ImportCatalogue(AppDbContext db, CatalogueStore store, TimeProvider clock, ILogger<ImportCatalogue> logger)
{
    public async Task<ImportReport> Handle(string folder, CancellationToken cancellationToken = default)
    {
        var (document, errors) = ReadCatalogue.From(folder);
        errors.AddRange(ValidateCatalogue.Check(document));
        if (errors.Count > 0)
        {
            throw new CatalogueInvalidException(errors);
        }

        try
        {
            return await Apply(document, cancellationToken);
        }
        catch (DbUpdateException e)
        {
            // Another node imported the same catalogue at the same moment; start again from what it wrote.
            logger.LogWarning(e, "Catalogue import collided with another writer; retrying once.");
            db.ChangeTracker.Clear();
            return await Apply(document, cancellationToken);
        }
    }

    private async Task<ImportReport> Apply(CatalogueDocument document, CancellationToken cancellationToken)
    {
        var departments = await db.Departments.ToDictionaryAsync(d => d.Code, cancellationToken);
        foreach (var dto in document.Departments.Select(s => s.Item))
        {
            var d = Upsert(departments, dto.Code!, () => new Department { Code = dto.Code!, Name = Text(dto.Name), Phone = dto.Phone! });
            d.Name = Text(dto.Name);
            d.Phone = dto.Phone!.Trim();
        }

        var categories = await db.Categories.ToDictionaryAsync(c => c.Code, cancellationToken);
        foreach (var dto in document.Categories.Select(s => s.Item))
        {
            Upsert(categories, dto.Code!, () => new Category { Code = dto.Code!, Name = Text(dto.Name) }).Name = Text(dto.Name);
        }

        await ApplyDistrictsAndHalls(document, cancellationToken);
        var retired = await ApplyServices(document, departments, categories, cancellationToken);
        await ApplyLifeEvents(document, cancellationToken);

        db.ChangeTracker.DetectChanges();
        foreach (var entry in db.ChangeTracker.Entries<Service>().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            entry.Entity.UpdatedAt = clock.GetUtcNow();
        }

        var created = db.ChangeTracker.Entries().Count(e => e.State == EntityState.Added);
        var updated = db.ChangeTracker.Entries().Count(e => e.State == EntityState.Modified);
        var total = document.Departments.Count + document.Categories.Count + document.Districts.Count
            + document.Districts.Sum(d => d.Item.Halls?.Count ?? 0) + document.Services.Count + document.LifeEvents.Count;
        await db.SaveChangesAsync(cancellationToken);
        store.Invalidate();

        var report = new ImportReport(created, updated - retired, total - created - (updated - retired), retired);
        logger.LogInformation("Catalogue imported: {Report}", report);
        return report;
    }

    private async Task ApplyDistrictsAndHalls(CatalogueDocument document, CancellationToken cancellationToken)
    {
        var districts = await db.Districts.ToDictionaryAsync(d => d.Code, cancellationToken);
        var halls = await db.ServiceHalls.ToDictionaryAsync(h => h.Code, cancellationToken);
        foreach (var dto in document.Districts.Select(s => s.Item))
        {
            var district = Upsert(districts, dto.Code!, () => new District { Code = dto.Code!, Name = Text(dto.Name) });
            district.Name = Text(dto.Name);
            district.Population = dto.Population!.Value;
            foreach (var h in dto.Halls ?? [])
            {
                var hall = Upsert(halls, h.Code!, () => new ServiceHall
                {
                    Code = h.Code!,
                    Name = Text(h.Name),
                    Address = Text(h.Address),
                    OpeningHours = Text(h.OpeningHours),
                    Phone = h.Phone!,
                });
                hall.District = district;
                hall.Name = Text(h.Name);
                hall.Address = Text(h.Address);
                hall.OpeningHours = Text(h.OpeningHours);
                hall.Phone = h.Phone!.Trim();
                hall.StepFree = h.Accessibility!.StepFree!.Value;
                hall.HearingLoop = h.Accessibility.HearingLoop!.Value;
                hall.PriorityCounter = h.Accessibility.PriorityCounter!.Value;
                hall.Capacity = ReadHallBooking.Read(h.Booking, "", "", _ => true, []); // checked by ValidateCatalogue first
            }
        }
    }

    private async Task<int> ApplyServices(
        CatalogueDocument document,
        Dictionary<string, Department> departments,
        Dictionary<string, Category> categories,
        CancellationToken cancellationToken)
    {
        var services = await db.Services.ToDictionaryAsync(s => s.Code, cancellationToken);
        var forms = BuildForms.From(document);
        foreach (var dto in document.Services.Select(s => s.Item))
        {
            var s = Upsert(services, dto.Code!, () => new Service
            {
                Code = dto.Code!,
                Name = Text(dto.Name),
                Summary = Text(dto.Summary),
                Audience = Text(dto.Audience),
                Eligibility = Text(dto.Eligibility),
                Fee = Text(dto.Fee),
            });
            s.Department = departments[dto.Department!];
            s.Category = categories[dto.Category!];
            s.Name = Text(dto.Name);
            s.Summary = Text(dto.Summary);
            s.Audience = Text(dto.Audience);
            s.Eligibility = Text(dto.Eligibility);
            s.Fee = Text(dto.Fee);
            s.TimeLimitWorkingDays = dto.TimeLimitWorkingDays!.Value;
            s.IssuesECertificate = dto.IssuesECertificate!.Value;
            s.CertificateValidYears = s.IssuesECertificate ? dto.CertificateValidYears : null;
            s.Rectification = dto.RectificationWorkingDays is { } r ? new(r.Contact!.Value, r.Simple!.Value, r.Complex!.Value) : RectificationTimeLimits.Default;
            s.Featured = dto.Featured ?? false;
            s.Reapply = ValidateCatalogue.ReapplyOf(dto);
            s.ReapplyAfterDays = s.Reapply == ReapplyRule.OncePerPeriod ? dto.ReapplyAfterDays : null;
            s.RetiredAt = null;

            // Collections are replaced only when their content differs, so an unchanged service stays unchanged.
            var materials = (dto.Materials ?? []).Select(m => new Material { Name = Text(m.Name), ECertificateType = Blank(m.ECertificate) }).ToList();
            if (!materials.SequenceEqual(s.Materials))
            {
                s.Materials = materials;
            }

            var channels = dto.Channels!.Select(c => new ServiceChannel
            {
                Channel = Enum.Parse<Channel>(c.Channel!),
                Note = c.Note is null ? null : Text(c.Note),
                HallCodes = c.Halls ?? [],
            }).ToList();
            if (!channels.SequenceEqual(s.Channels, ServiceChannelComparer.Instance))
            {
                s.Channels = channels;
            }

            var tags = dto.LifeEvents ?? [];
            if (!tags.SequenceEqual(s.LifeEventTags))
            {
                s.LifeEventTags = tags;
            }

            var formJson = forms.TryGetValue(s.Code, out var form) ? Forms.FormJson.Write(form) : null;
            if (formJson != s.FormJson)
            {
                s.FormJson = formJson;
            }

            var entitlementJson = EntitlementOf(s.Code, dto.Entitlement)?.ToJson();
            if (entitlementJson != s.EntitlementJson)
            {
                s.EntitlementJson = entitlementJson;
            }

            var layTerms = document.LayTermsFor(x => x.Services, s.Code);
            if (!layTerms.SequenceEqual(s.LayTerms))
            {
                s.LayTerms = layTerms;
            }
        }

        var listed = document.Services.Select(s => s.Item.Code!).ToHashSet(StringComparer.Ordinal);
        var leaving = services.Values.Where(s => s.RetiredAt is null && !listed.Contains(s.Code)).ToList();
        foreach (var gone in leaving)
        {
            gone.RetiredAt = clock.GetUtcNow();
        }

        return leaving.Count;
    }

    private static Entitlements.Entitlement? EntitlementOf(string serviceCode, EntitlementDto? dto) => dto is null ? null : new()
    {
        ServiceCode = serviceCode,
        Who = dto.Who!,
        Why = Text(dto.Why),
        Occasion = dto.Occasion,
        WithoutApplication = dto.Grant == "withoutApplication",
        LegalBasis = dto.LegalBasis is null ? null : Text(dto.LegalBasis),
        Answers = new SortedDictionary<string, string>(dto.Answers ?? [], StringComparer.Ordinal),
        RemindAfterWorkingDays = dto.RemindAfterWorkingDays ?? 10,
    };

    private async Task ApplyLifeEvents(CatalogueDocument document, CancellationToken cancellationToken)
    {
        var lifeEvents = await db.LifeEvents.ToDictionaryAsync(e => e.Code, cancellationToken);
        foreach (var dto in document.LifeEvents.Select(s => s.Item))
        {
            var e = Upsert(lifeEvents, dto.Code!, () => new LifeEvent { Code = dto.Code!, Name = Text(dto.Name), Summary = Text(dto.Summary) });
            e.Name = Text(dto.Name);
            e.Summary = Text(dto.Summary);
            if (!dto.Services!.SequenceEqual(e.ServiceCodes))
            {
                e.ServiceCodes = dto.Services!;
            }

            var layTerms = document.LayTermsFor(x => x.LifeEvents, e.Code);
            if (!layTerms.SequenceEqual(e.LayTerms))
            {
                e.LayTerms = layTerms;
            }
        }
    }

    private T Upsert<T>(Dictionary<string, T> existing, string code, Func<T> create)
        where T : class
    {
        if (!existing.TryGetValue(code, out var entity))
        {
            entity = create();
            db.Add(entity);
            existing[code] = entity;
        }

        return entity;
    }

    private static LocalizedText Text(TextDto? dto) => new(dto!.ZhCn!.Trim(), dto.En!.Trim());

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private sealed class ServiceChannelComparer : IEqualityComparer<ServiceChannel>
    {
        public static readonly ServiceChannelComparer Instance = new();

        public bool Equals(ServiceChannel? x, ServiceChannel? y) =>
            x is not null && y is not null && x.Channel == y.Channel && x.Note == y.Note && x.HallCodes.SequenceEqual(y.HallCodes);

        public int GetHashCode(ServiceChannel obj) => HashCode.Combine(obj.Channel, obj.Note);
    }
}
