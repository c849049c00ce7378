using System.Text;

namespace LagLab.Pipeline.Tests.Integration;

/// <summary>
/// The pipeline's status output, line by line: calls <paramref name="onLine"/> for each (on the thread that wrote it,
/// inside the rebalance callback for ownership lines).
/// </summary>
internal sealed class OwnershipLines(Action<string> onLine) : TextWriter
{
    private readonly StringBuilder _line = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_line)
        {
            if (value != '\n')
            {
                _line.Append(value);
                return;
            }
            var line = _line.ToString().TrimEnd('\r');
            _line.Clear();
            onLine(line);
        }
    }
}
