using System.Globalization;

namespace LagLab.Monitor.Alerting;

/// <summary>
/// Formats a float as Go's <c>%v</c> does (strconv 'g', shortest): what Prometheus prints for
/// <c>{{ $value }}</c>, so our annotations read exactly like Prometheus' (1500, 0.25, 1e+06).
/// </summary>
internal static class GoFloat
{
    public static string Format(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }
        if (double.IsInfinity(value))
        {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == 0)
        {
            return double.IsNegative(value) ? "-0" : "0";
        }
        // Shortest round-trip digits, then Go's layout: exponent form when x < -4 or x >= 6.
        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = shortest.StartsWith('-');
        var body = negative ? shortest[1..] : shortest;
        var exponent = 0;
        var e = body.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(body[(e + 1)..], CultureInfo.InvariantCulture);
            body = body[..e];
        }
        var point = body.IndexOf('.', StringComparison.Ordinal);
        var digits = point >= 0 ? body.Remove(point, 1) : body;
        var decimalExponent = (point >= 0 ? point : body.Length) + exponent;
        var leadingZeros = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');
        decimalExponent -= leadingZeros;
        var x = decimalExponent - 1; // exponent in d.ddd × 10^x form
        string text;
        if (x < -4 || x >= 6)
        {
            var mantissa = digits.Length > 1 ? digits[0] + "." + digits[1..] : digits;
            text = $"{mantissa}e{(x < 0 ? "-" : "+")}{Math.Abs(x):00}";
        }
        else if (x < 0)
        {
            text = "0." + new string('0', -x - 1) + digits;
        }
        else if (digits.Length <= x + 1)
        {
            text = digits + new string('0', x + 1 - digits.Length);
        }
        else
        {
            text = digits[..(x + 1)] + "." + digits[(x + 1)..];
        }
        return negative ? "-" + text : text;
    }
}
