using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Tests.Infrastructure;

namespace Tongban.Tests.Security;

/// <summary>
/// Bad input anyone can send, everywhere: every page and endpoint the app maps, found by reflection, each of its
/// route values, query parameters and form fields given hostile values at once, by an anonymous visitor, a resident,
/// a clerk, a case officer and an operator. No answer may be a 5xx.
/// </summary>
public sealed partial class EveryParameterTests(TongbanAppWithClock app) : IClassFixture<TongbanAppWithClock>
{
    private static readonly string[] Hostile =
    [
        "", " ", "'\"<script>alert(1)</script>", "../../../../etc/passwd", new string('9', 40), "2147483647", "-2147483648", "2147483648",
        "1e400", "NaN", "\u202Eevil\u0007", "/%09/evil.example", "00000000-0000-0000-0000-000000000000", new string('字', 3000), "\uD800",
    ];

    /// <summary>Signing out would end the visitor that the next requests use; the sign-in steps are covered by their own tests.</summary>
    private static readonly string[] Skipped = ["/sign-out", "/staff/sign-out"];

    private sealed record Target(string Pattern, IReadOnlyList<(string Name, string? Constraint)> Route, string Method, string? Handler, IReadOnlyList<string> Fields);

    private List<Target> Targets()
    {
        var targets = new List<Target>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern;
            var raw = "/" + (pattern.RawText ?? "").TrimStart('/');
            if (Skipped.Contains(raw) || raw.StartsWith("/openapi", StringComparison.Ordinal))
            {
                continue;
            }

            var route = pattern.Parameters.Select(p => (p.Name, p.ParameterPolicies.Count == 0 ? null : p.ParameterPolicies[0].Content)).ToList();
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                targets.AddRange(PageTargets(raw, route, page));
            }
            else if (endpoint.Metadata.GetMetadata<MethodInfo>() is { } method)
            {
                var names = method.GetParameters().Where(p => IsSimple(p.ParameterType)).Select(p => p.Name!).Except(route.Select(r => r.Name)).ToList();
                foreach (var verb in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                {
                    targets.Add(new(raw, route, verb, null, names));
                }
            }
        }

        return targets;
    }

    /// <summary>A page's handlers, from its model's OnGet*/OnPost* methods and bound properties (namespace = folder, as the app is laid out).</summary>
    private static IEnumerable<Target> PageTargets(string raw, List<(string Name, string? Constraint)> route, PageActionDescriptor page)
    {
        var typeName = "Tongban" + page.RelativePath.Replace(".cshtml", "Model", StringComparison.Ordinal).Replace('/', '.');
        var model = typeof(Program).Assembly.GetType(typeName);
        if (model is null || !typeof(PageModel).IsAssignableFrom(model))
        {
            yield return new(raw, route, "GET", null, []);
            yield break;
        }

        var bound = model.GetProperties().Select(p => (Property: p, Binding: p.GetCustomAttribute<BindPropertyAttribute>() ?? (BindPropertyAttribute?)null)).Where(p => p.Binding is not null).ToList();
        foreach (var handler in model.GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly).Where(m => HandlerName().IsMatch(m.Name)))
        {
            var match = HandlerName().Match(handler.Name);
            var verb = match.Groups[1].Value.ToUpperInvariant();
            var name = match.Groups[2].Value is { Length: > 0 } n ? n : null;
            var fields = handler.GetParameters().Where(p => IsSimple(p.ParameterType)).Select(p => p.Name!)
                .Concat(bound.Where(b => verb == "POST" || b.Binding!.SupportsGet).SelectMany(b => Fields(b.Property)))
                .Except(route.Select(r => r.Name), StringComparer.OrdinalIgnoreCase).Distinct().ToList();
            yield return new(raw, route, verb, name, fields);
        }
    }

    private static IEnumerable<string> Fields(PropertyInfo property) =>
        IsSimple(property.PropertyType) || property.PropertyType == typeof(IList<string>)
            ? [property.Name]
            : property.PropertyType.GetProperties().Where(p => p.CanWrite).Select(p => $"{property.Name}.{p.Name}");

    private static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(Guid) || t == typeof(decimal) || t == typeof(DateOnly) || t == typeof(DateTime);
    }

    private static string RouteValue(string? constraint, string value) => constraint switch
    {
        "guid" => Guid.NewGuid().ToString(),
        "int" or "long" => "1",
        _ when constraint?.StartsWith("regex", StringComparison.Ordinal) == true => "on",
        _ => Uri.EscapeDataString(value.Length == 0 ? "x" : value),
    };

    private static string Url(Target target, string value)
    {
        var path = target.Pattern;
        foreach (var (name, constraint) in target.Route)
        {
            path = Regex.Replace(path, $"{{\\*?{name}(:[^}}]*)?\\??}}", RouteValue(constraint, value));
        }

        var query = target.Handler is null ? [] : new List<string> { $"handler={target.Handler}" };
        if (target.Method == "GET")
        {
            query.AddRange(target.Fields.Select(f => $"{Uri.EscapeDataString(f)}={Uri.EscapeDataString(value)}"));
        }

        return query.Count == 0 ? path : $"{path}?{string.Join('&', query)}";
    }

    [Fact]
    public async Task NoRouteQueryOrFormValue_AnswersWithAServerError()
    {
        var targets = Targets();
        Assert.True(targets.Count > 60, $"only {targets.Count} handlers found: is the reflection still right?");
        var visitors = new[]
        {
            ("anonymous", new FormClient(app)),
            ("resident", await People.SignInResident(app, People.NewMobile())),
            ("clerk", await People.SignInStaff(app, "clerk.futian")),
            ("officer", await People.SignInStaff(app, "officer.hr")),
            ("operator", await People.SignInStaff(app, "operator")),
        };
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Task.WhenAll(visitors.Select(async visitor =>
        {
            var (who, client) = visitor;
            var token = await client.AntiforgeryToken(who switch { "anonymous" => "/sign-in", "resident" => "/me/profile", "clerk" => "/staff/assist", "officer" => "/staff/sign-in", _ => "/staff/audit" });
            foreach (var target in targets)
            {
                foreach (var value in Hostile)
                {
                    var url = Url(target, value);
                    using var request = new HttpRequestMessage(new HttpMethod(target.Method), url);
                    if (target.Method != "GET")
                    {
                        var form = target.Fields.Select(f => new KeyValuePair<string, string>(f, value)).Append(new("__RequestVerificationToken", token ?? ""));
                        request.Content = new FormUrlEncodedContent(form);
                    }

                    var (status, _, response) = await client.Send(request);
                    response.Dispose();
                    if ((int)status >= 500)
                    {
                        failures.Add($"{who} {target.Method} {url[..Math.Min(url.Length, 160)]} → {(int)status}");
                    }
                }
            }
        }));

        Assert.True(failures.IsEmpty, string.Join("\n", failures.Distinct().Order().Take(40)));
    }

    [GeneratedRegex("^On(Get|Post)([A-Z][A-Za-z]*)?$")]
    private static partial Regex HandlerName();
}
