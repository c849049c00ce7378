namespace LagLab.Testing;

/// <summary>
/// The shape every options class's tests share: validation at start fails with an <see cref="ArgumentException"/>
/// whose message begins with the name of the option at fault (e.g. <c>--listen</c>), so users see what to fix.
/// </summary>
public static class OptionsAssert
{
    /// <summary><paramref name="validate"/> throws, naming <paramref name="option"/> first; returns the error.</summary>
    public static ArgumentException Rejects(Action validate, string option)
    {
        var error = Assert.Throws<ArgumentException>(validate);
        Assert.StartsWith(option, error.Message, StringComparison.Ordinal);
        return error;
    }

    /// <summary>Passes when <paramref name="valid"/>; otherwise fails naming <paramref name="option"/>. For both edges of a limit.</summary>
    public static void ValidIs(bool valid, Action validate, string option)
    {
        if (valid)
        {
            validate();
            return;
        }
        Rejects(validate, option);
    }

    /// <summary>A CLI run that a bad option stopped: exit code 2 and <paramref name="message"/> on stderr.</summary>
    public static void RejectedByCli(ProcessRunner.Result result, string message)
    {
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.StandardError, StringComparison.Ordinal);
    }

    /// <summary>Sets the property named by <c>nameof</c> on <paramref name="options"/>, for tables of bad values per option.</summary>
    public static T With<T>(T options, string property, object? value)
        where T : class
    {
        var setter = typeof(T).GetProperty(property) ?? throw new ArgumentException($"{typeof(T).Name} has no property {property}.", nameof(property));
        setter.SetValue(options, value);
        return options;
    }
}
