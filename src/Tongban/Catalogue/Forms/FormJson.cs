using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tongban.Catalogue.Forms;

/// <summary>How a form is kept on its service in the database: one JSON document, questions resolved from the library.</summary>
public static class FormJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write(FormDefinition form) => JsonSerializer.Serialize(form, Options);

    public static FormDefinition Read(string json) => JsonSerializer.Deserialize<FormDefinition>(json, Options) ?? throw new InvalidOperationException("Empty form.");

    /// <summary>A short hash of the questions and rules: the form's version, recorded on every case made with it.</summary>
    public static string VersionOf(List<Question> questions, List<FormRule> rules) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { questions, rules }, Options))))[..12];
}
