using System.CommandLine;
using System.CommandLine.Invocation;

namespace LagLab.Cli;

/// <summary>
/// Parse errors (unknown option, wrong type, missing value, no command) as scripts need them: exit code
/// <see cref="CommandHost.UsageError"/> and one line on stderr naming what is wrong, with the help hint. System.CommandLine's
/// own answer is exit code 1, which <c>laglab loadtest</c> documents as "an SLO was violated", and a page of help.
/// </summary>
internal static class UsageErrors
{
    /// <summary>True when the parse failed; the error line has then been written to <paramref name="error"/>.</summary>
    public static bool TryReport(ParseResult parse, TextWriter error)
    {
        if (parse.Action is not ParseErrorAction || parse.Errors.Count == 0)
        {
            return false;
        }
        var path = CommandPath(parse.CommandResult.Command);
        var messages = string.Join(' ', parse.Errors.Select(e => Sentence(e.Message)).Distinct(StringComparer.Ordinal));
        error.WriteLine($"{path}: {messages} See '{path} --help'.");
        return true;
    }

    private static string CommandPath(Command command)
    {
        var names = new List<string>();
        for (Command? current = command; current is not null and not RootCommand; current = current.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Add(current.Name);
        }
        names.Add("laglab");
        names.Reverse();
        return string.Join(' ', names);
    }

    // One line whatever the message holds; every part ends with a full stop so several read as sentences.
    private static string Sentence(string message)
    {
        var line = message.ReplaceLineEndings(" ").Trim();
        return line.EndsWith('.') ? line : line + ".";
    }
}
