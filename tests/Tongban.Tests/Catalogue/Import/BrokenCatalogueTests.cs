using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Catalogue.Import;
using Tongban.Platform.Data;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Catalogue.Import;

/// <summary>Each case breaks one thing in an otherwise valid copy that also carries a harmless change; nothing may be written.</summary>
public sealed class BrokenCatalogueTests(TongbanApp app) : IClassFixture<TongbanApp>
{
    public static TheoryData<string, string, string, string, string> Breakages => new()
    {
        // case, file, expected item, expected field, a word the message must contain
        { "missing translation", "services/civil-affairs.json", "service 'elderly-allowance'", "name.en", "translation" },
        { "unknown department", "services/civil-affairs.json", "service 'elderly-allowance'", "department", "no-such-department" },
        { "duplicate code", "services/public-security.json", "service 'residence-permit'", "code", "duplicate code: another service in services/health.json" },
        { "no non-digital channel", "services/civil-affairs.json", "service 'elderly-allowance'", "channels", "non-digital" },
        { "time limit differs between channels", "services/civil-affairs.json", "service 'elderly-allowance'", "channels[2].timeLimitWorkingDays", "same time limit" },
        { "unknown channel", "services/civil-affairs.json", "service 'elderly-allowance'", "channels[0].channel", "Fax" },
        { "unknown hall", "services/civil-affairs.json", "service 'elderly-allowance'", "channels[2].halls", "no-such-hall" },
        { "unknown life event", "services/civil-affairs.json", "service 'elderly-allowance'", "lifeEvents", "winning-the-lottery" },
        { "life event disagrees with tags", "life-events.json", "life event 'retirement'", "services", "hpf-withdrawal-retirement" },
        { "hall without accessibility", "districts.json", "district 'luohu' › hall 'luohu-hall'", "accessibility", "stepFree" },
        { "booking hours that overlap", "districts.json", "district 'futian' › hall 'futian-hall'", "booking.hours.monday", "not overlapping" },
        { "counter for a service not at the hall", "districts.json", "district 'futian' › hall 'futian-hall'", "booking.counters[0].services", "offers at this hall" },
        { "booking without a booking counter", "districts.json", "district 'futian' › hall 'futian-hall'", "booking.counters", "at least one booking counter" },
        { "service length not in whole slots", "districts.json", "district 'futian' › hall 'futian-hall'", "booking.serviceMinutes.residence-permit", "whole slots" },
        { "length of a service not booked here", "districts.json", "district 'futian' › hall 'futian-hall'", "booking.serviceMinutes.no-such-service", "booking counters handles" },
        { "validity of no certificate", "services/civil-affairs.json", "service 'elderly-allowance'", "certificateValidYears", "issues an e-certificate" },
        { "misspelt field", "departments.json", "", "(json)", "nmae" },
        { "not JSON at all", "categories.json", "", "(json)", "line" },
        { "bad code", "departments.json", "department 'Civil Affairs'", "code", "lower-case" },
        { "form asks an unknown question", "forms/elderly-allowance.json", "form 'elderly-allowance'", "ask", "applicant.favouriteColour" },
        { "rule that runs code", "forms/elderly-allowance.json", "form 'elderly-allowance' › rule 'aged-80'", "check", "not a valid condition" },
        { "rule that is not true or false", "forms/elderly-allowance.json", "form 'elderly-allowance' › rule 'aged-80'", "check", "not a valid condition" },
        { "choice without options", "forms/questions.json", "question 'applicant.residency'", "options", "at least two options" },
        { "question without translation", "forms/questions.json", "question 'applicant.fullName'", "label.en", "translation" },
        { "form for an unknown service", "forms/elderly-allowance.json", "form 'winning-the-lottery'", "service", "unknown service" },
        { "unknown prefill", "forms/questions.json", "question 'applicant.fullName'", "prefill", "profile.fullName" },
        { "e-certificate of nobody", "forms/questions.json", "question 'death.certificate'", "eCertificateHolder", "ID number question" },
        { "rule on a question not asked", "forms/elderly-allowance.json", "form 'elderly-allowance' › rule 'aged-80'", "check", "applicant.weddingDate" },
        { "condition on a later question", "forms/unemployment-benefit.json", "form 'unemployment-benefit'", "ask", "employment.reason" },
        { "unknown reapply rule", "services/civil-affairs.json", "service 'elderly-allowance'", "reapply", "oncePerPeriod" },
        { "period without its days", "services/civil-affairs.json", "service 'elderly-allowance'", "reapplyAfterDays", "exactly when" },
        { "days without a period", "services/civil-affairs.json", "service 'elderly-allowance'", "reapplyAfterDays", "exactly when" },
        { "rectification limits out of order", "services/civil-affairs.json", "service 'elderly-allowance'", "rectificationWorkingDays", "in that order" },
        { "rectification limits half given", "services/civil-affairs.json", "service 'elderly-allowance'", "rectificationWorkingDays", "in that order" },
        { "entitlement rule that runs code", "services/civil-affairs.json", "service 'elderly-allowance'", "entitlement.who", "not a valid rule" },
        { "entitlement on what she typed", "services/civil-affairs.json", "service 'elderly-allowance'", "entitlement.who", "profile.claimedIdNumber" },
        { "entitlement on an occasion it has not", "services/civil-affairs.json", "service 'elderly-allowance'", "entitlement.answers", "occasion.number" },
        { "granted without a legal basis", "services/civil-affairs.json", "service 'senior-citizen-card'", "entitlement.legalBasis", "law" },
        { "granted while the city cannot answer", "services/civil-affairs.json", "service 'elderly-allowance'", "entitlement.grant", "bank.accountNumber" },
        { "entitlement without a form", "services/civil-affairs.json", "service 'marriage-registration-appointment'", "entitlement", "online form" },
    };

    private static JsonNode Futian(JsonNode districts) =>
        districts["districts"]!.AsArray().SelectMany(d => d!["halls"]?.AsArray() ?? []).Single(h => (string?)h!["code"] == "futian-hall")!["booking"]!;

    private static JsonNode Question(JsonNode file, string id) => file["questions"]!.AsArray().Single(q => (string?)q!["id"] == id)!;

    private static void Break(CatalogueCopy copy, string breakage)
    {
        JsonNode Elderly(JsonNode f) => CatalogueCopy.Service(f, "elderly-allowance");
        const string civil = "services/civil-affairs.json";
        switch (breakage)
        {
            case "missing translation": copy.Edit(civil, f => Elderly(f)["name"]!.AsObject().Remove("en")); break;
            case "unknown department": copy.Edit(civil, f => Elderly(f)["department"] = "no-such-department"); break;
            case "duplicate code": copy.Edit("services/health.json", f => f["services"]![0]!["code"] = "residence-permit"); break;
            case "no non-digital channel": copy.Edit(civil, f => Elderly(f)["channels"] = new JsonArray(new JsonObject { ["channel"] = "Online" })); break;
            case "time limit differs between channels": copy.Edit(civil, f => Elderly(f)["channels"]![2]!["timeLimitWorkingDays"] = 99); break;
            case "unknown channel": copy.Edit(civil, f => Elderly(f)["channels"]![0]!["channel"] = "Fax"); break;
            case "unknown hall": copy.Edit(civil, f => Elderly(f)["channels"]![2]!["halls"] = new JsonArray("no-such-hall")); break;
            case "unknown life event": copy.Edit(civil, f => Elderly(f)["lifeEvents"] = new JsonArray("winning-the-lottery")); break;
            case "life event disagrees with tags":
                copy.Edit("life-events.json", f => f["lifeEvents"]!.AsArray().Single(e => (string?)e!["code"] == "retirement")!["services"]!.AsArray().RemoveAt(1));
                break;
            case "hall without accessibility":
                copy.Edit("districts.json", f => f["districts"]!.AsArray().Single(d => (string?)d!["code"] == "luohu")!["halls"]![0]!.AsObject().Remove("accessibility"));
                break;
            case "booking hours that overlap": copy.Edit("districts.json", f => Futian(f)["hours"]!["monday"] = new JsonArray("09:00-12:00", "11:30-18:00")); break;
            case "counter for a service not at the hall": copy.Edit("districts.json", f => Futian(f)["counters"]![0]!["services"] = new JsonArray("no-such-service")); break;
            case "booking without a booking counter": copy.Edit("districts.json", f => Futian(f)["counters"]![0]!["kind"] = "walkIn"); break;
            case "service length not in whole slots": copy.Edit("districts.json", f => Futian(f)["serviceMinutes"] = new JsonObject { ["residence-permit"] = (int)Futian(f)["slotMinutes"]! * 3 / 2 }); break;
            case "length of a service not booked here": copy.Edit("districts.json", f => Futian(f)["serviceMinutes"] = new JsonObject { ["no-such-service"] = 60 }); break;
            case "validity of no certificate": copy.Edit(civil, f => Elderly(f)["certificateValidYears"] = 5); break;
            case "misspelt field": copy.Edit("departments.json", f => f["departments"]![0]!["nmae"] = "typo"); break;
            case "not JSON at all": copy.Write("categories.json", "{ \"categories\": [ { \"code\": \"family\", "); break;
            case "bad code": copy.Edit("departments.json", f => f["departments"]![0]!["code"] = "Civil Affairs"); break;
            case "form asks an unknown question": copy.Edit("forms/elderly-allowance.json", f => f["ask"]!.AsArray().Add("applicant.favouriteColour")); break;
            case "rule that runs code": copy.Edit("forms/elderly-allowance.json", f => f["rules"]![0]!["check"] = "System.IO.File.Exists(\"/etc/passwd\")"); break;
            case "rule that is not true or false": copy.Edit("forms/elderly-allowance.json", f => f["rules"]![0]!["check"] = "a.Age(\"applicant.dateOfBirth\")"); break;
            case "choice without options": copy.Edit("forms/questions.json", f => Question(f, "applicant.residency").AsObject().Remove("options")); break;
            case "question without translation": copy.Edit("forms/questions.json", f => Question(f, "applicant.fullName")["label"]!.AsObject().Remove("en")); break;
            case "form for an unknown service": copy.Edit("forms/elderly-allowance.json", f => f["service"] = "winning-the-lottery"); break;
            case "unknown prefill": copy.Edit("forms/questions.json", f => Question(f, "applicant.fullName")["prefill"] = "profile.shoeSize"); break;
            case "e-certificate of nobody": copy.Edit("forms/questions.json", f => Question(f, "death.certificate")["eCertificateHolder"] = "death.fullName"); break;
            case "rule on a question not asked": copy.Edit("forms/elderly-allowance.json", f => f["rules"]![0]!["check"] = "a.Age(\"applicant.weddingDate\") >= 80"); break;
            case "condition on a later question":
                copy.Edit("forms/unemployment-benefit.json", f =>
                {
                    var ask = f["ask"]!.AsArray();
                    var reason = ask.IndexOf(ask.Single(q => (string?)q == "employment.reason"));
                    ask.RemoveAt(reason);
                    ask.Add("employment.reason"); // now after the question whose condition reads it
                });
                break;
            case "unknown reapply rule": copy.Edit(civil, f => Elderly(f)["reapply"] = "twice"); break;
            case "period without its days": copy.Edit(civil, f => Elderly(f)["reapply"] = "oncePerPeriod"); break;
            case "days without a period": copy.Edit(civil, f => Elderly(f)["reapplyAfterDays"] = 30); break;
            case "rectification limits out of order": copy.Edit(civil, f => Elderly(f)["rectificationWorkingDays"] = new JsonObject { ["contact"] = 3, ["simple"] = 2, ["complex"] = 15 }); break;
            case "rectification limits half given": copy.Edit(civil, f => Elderly(f)["rectificationWorkingDays"] = new JsonObject { ["contact"] = 1 }); break;
            case "entitlement rule that runs code": copy.Edit(civil, f => Elderly(f)["entitlement"]!["who"] = "System.IO.File.Exists(\"/etc/passwd\")"); break;
            case "entitlement on what she typed": copy.Edit(civil, f => Elderly(f)["entitlement"]!["who"] = "a.Has(\"profile.claimedIdNumber\")"); break;
            case "entitlement on an occasion it has not": copy.Edit(civil, f => Elderly(f)["entitlement"]!["answers"]!["applicant.address"] = "occasion.number"); break;
            case "granted without a legal basis": copy.Edit(civil, f => CatalogueCopy.Service(f, "senior-citizen-card")["entitlement"]!.AsObject().Remove("legalBasis")); break;
            case "granted while the city cannot answer":
                copy.Edit(civil, f => Elderly(f)["entitlement"]!["grant"] = "withoutApplication");
                copy.Edit(civil, f => Elderly(f)["entitlement"]!["legalBasis"] = new JsonObject { ["zh-CN"] = "某条例", ["en"] = "Some regulation" });
                break;
            case "entitlement without a form":
                copy.Edit(civil, f => CatalogueCopy.Service(f, "marriage-registration-appointment")["entitlement"] = new JsonObject
                {
                    ["who"] = "a.Age(\"profile.dateOfBirth\") >= 22",
                    ["why"] = new JsonObject { ["zh-CN"] = "您已到法定婚龄。", ["en"] = "You are of marrying age." },
                });
                break;
            default: throw new ArgumentOutOfRangeException(nameof(breakage), breakage, null);
        }
    }

    [Theory]
    [MemberData(nameof(Breakages))]
    public async Task Import_BrokenCatalogue_IsRefusedNamingFileItemAndField_AndChangesNothing(
        string breakage, string file, string item, string field, string word)
    {
        using var copy = new CatalogueCopy();
        // A valid change beside the broken one: it must not be written either.
        copy.Edit("services/public-security.json", f => CatalogueCopy.Service(f, "residence-permit")["name"]!["en"] = "Changed name");
        Break(copy, breakage);
        var before = await Snapshot();

        await using var scope = app.Scope();
        var import = scope.ServiceProvider.GetRequiredService<ImportCatalogue>();
        var refused = await Assert.ThrowsAsync<CatalogueInvalidException>(() => import.Handle(copy.Folder, TestContext.Current.CancellationToken));

        Assert.Contains(refused.Errors, e => e.File == file && e.Item == item && e.Field == field && e.ToString().Contains(word, StringComparison.Ordinal));
        Assert.Contains(file, refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, await Snapshot());
    }

    private async Task<string> Snapshot()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var services = await db.Services.AsNoTracking().OrderBy(s => s.Code)
            .Select(s => s.Code + "|" + s.Name.En + "|" + s.TimeLimitWorkingDays + "|" + s.DepartmentId).ToListAsync();
        var counts = $"{await db.Departments.CountAsync()}/{await db.Categories.CountAsync()}/{await db.ServiceHalls.CountAsync()}/{await db.LifeEvents.CountAsync()}";
        return counts + "\n" + string.Join("\n", services);
    }
}
