namespace Tongban.Platform.Web;

/// <summary>
/// One problem with what a person entered: the id of the field to fix (the error summary links to it) and what to do,
/// already translated into her language. Every use case and page reports bad input this way.
/// </summary>
public sealed record FieldError(string Field, string Message);
