using System.Collections.Concurrent;
using DynamicExpresso;

namespace Tongban.Catalogue.Forms;

/// <summary>
/// Rules and show-if conditions, parsed by DynamicExpresso into expression trees over
/// <see cref="FormAnswers"/> only: no assignment, no reflection, no types beyond the built-in ones, so a
/// catalogue editor can write a rule but never run code. Parsed once per expression and cached.
/// </summary>
public static class FormExpressions
{
    private static readonly ConcurrentDictionary<string, Func<FormAnswers, bool>> Compiled = new(StringComparer.Ordinal);

    /// <summary>Null when the expression is well-formed and boolean; otherwise what is wrong with it.</summary>
    public static string? Problem(string expression)
    {
        try
        {
            Compile(expression);
            return null;
        }
        catch (Exception e) when (e is DynamicExpresso.Exceptions.DynamicExpressoException or InvalidOperationException or ArgumentException)
        {
            return e.Message;
        }
    }

    public static bool Evaluate(string expression, FormAnswers answers) => Compiled.GetOrAdd(expression, Compile)(answers);

    private static Func<FormAnswers, bool> Compile(string expression)
    {
        var interpreter = new Interpreter(InterpreterOptions.PrimitiveTypes | InterpreterOptions.SystemKeywords)
            .EnableAssignment(AssignmentOperators.None);
        return interpreter.ParseAsDelegate<Func<FormAnswers, bool>>(expression, "a");
    }
}
