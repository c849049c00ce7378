using System.CommandLine;
using LagLab.LoadTest;
using LagLab.LoadTest.Live;
using LagLab.LoadTest.Processes;

namespace LagLab.Cli.Commands;

/// <summary>The options <c>laglab loadtest</c> and <c>laglab demo</c> share.</summary>
internal sealed class LoadTestCliOptions
{
    public Option<string?> Out => _out;

    private readonly Option<string?> _out = new("--out") { Description = "Directory for report.html, results.json, lag.csv and the parts' logs." };
    private readonly Option<string?> _drain = new("--drain-timeout") { Description = $"After the traffic, how long to wait for the backlog to drain (default {Scenarios.Duration.Format(LoadTestOptions.DefaultDrainTimeout)})." };
    private readonly Option<string?> _bankListen = new("--bank-listen") { Description = "host:port for the bank (for a fleet: external pipeline that must be pointed at it)." };
    private readonly Option<LiveViewMode> _live = new("--live") { Description = "Live view: auto (rich on a terminal, plain lines otherwise), rich, plain or none.", DefaultValueFactory = _ => LiveViewMode.Auto };
    private readonly Option<bool> _keep = new("--keep-work") { Description = "Keep the broker's data and the spools under OUT/work." };
    private readonly Option<int> _seed = new("--seed") { Description = "Seed of accounts, amounts and the bank's draws.", DefaultValueFactory = _ => 42 };
    private readonly bool _withBank;

    public LoadTestCliOptions(bool withBankListen = true)
    {
        _withBank = withBankListen;
    }

    public void AddTo(Command command)
    {
        command.Options.Add(_out);
        command.Options.Add(_drain);
        if (_withBank)
        {
            command.Options.Add(_bankListen);
        }
        command.Options.Add(_live);
        command.Options.Add(_keep);
        command.Options.Add(_seed);
    }

    public bool TryRead(ParseResult parse, string defaultOut, out LoadTestOptions options)
    {
        options = null!;
        var drain = LoadTestOptions.DefaultDrainTimeout;
        if (parse.GetValue(_drain) is { } text && !Scenarios.Duration.TryParse(text, out drain, out var error))
        {
            Console.Error.WriteLine($"laglab: --drain-timeout: {error}");
            return false;
        }
        options = new LoadTestOptions
        {
            OutputDirectory = parse.GetValue(_out) ?? defaultOut,
            Launcher = LaglabLauncher.FromCurrentProcess(),
            DrainTimeout = drain,
            BankListen = _withBank ? parse.GetValue(_bankListen) : null,
            LiveView = parse.GetValue(_live),
            KeepWorkFiles = parse.GetValue(_keep),
            Seed = parse.GetValue(_seed),
        };
        try
        {
            options.Validate();
            return true;
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine($"laglab: {ex.Message}");
            return false;
        }
    }
}
