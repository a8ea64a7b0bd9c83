using System.Globalization;
using System.Text;

namespace GlanceBake.Iso9660;

/// <summary>The two date encodings of ECMA-119, always written in UTC (offset 0) so output is deterministic.</summary>
internal static class IsoTimestamp
{
    /// <summary>Checks that <paramref name="timestamp"/> fits both encodings (years 1900..2155 in UTC).</summary>
    public static void Validate(DateTimeOffset timestamp, string paramName)
    {
        var year = timestamp.UtcDateTime.Year;
        if (year is < 1900 or > 2155)
        {
            throw new ArgumentOutOfRangeException(paramName, timestamp,
                "the timestamp must lie in the years 1900..2155 (UTC), the range of ECMA-119 9.1.5 recording dates");
        }
    }

    /// <summary>ECMA-119 9.1.5 (also RRIP 1.12 4.1.6 short form): 7 bytes at <paramref name="offset"/>.</summary>
    public static void WriteRecordingDate(Span<byte> target, int offset, DateTimeOffset timestamp)
    {
        var utc = timestamp.UtcDateTime;
        target[offset] = (byte)(utc.Year - 1900); // years since 1900
        target[offset + 1] = (byte)utc.Month;
        target[offset + 2] = (byte)utc.Day;
        target[offset + 3] = (byte)utc.Hour;
        target[offset + 4] = (byte)utc.Minute;
        target[offset + 5] = (byte)utc.Second;
        target[offset + 6] = 0; // offset from GMT in 15-minute intervals
    }

    /// <summary>ECMA-119 8.4.26.1: 17 bytes, "YYYYMMDDHHMMSScc" in digits plus the GMT offset byte.</summary>
    public static void WriteVolumeDate(Span<byte> target, int offset, DateTimeOffset? timestamp)
    {
        var digits = timestamp is { } t
            ? t.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) +
              (t.UtcDateTime.Millisecond / 10).ToString("00", CultureInfo.InvariantCulture)
            : "0000000000000000"; // ECMA-119 8.4.26.1: all zero digits and offset 0 mean "not specified"
        Encoding.ASCII.GetBytes(digits, target.Slice(offset, 16));
        target[offset + 16] = 0; // GMT offset in 15-minute intervals
    }
}
