using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace LoadDriver.Tests.Support;

/// <summary>
/// Golden files, Verify-style: the approved text sits next to the test as <c>NAME.approved.EXT</c>; a mismatch writes
/// <c>NAME.received.EXT</c> beside it and fails. To approve a change, review the received file and rename it over the
/// approved one. Volatile parts (time stamps) are scrubbed first, so the file only changes when the output does.
/// </summary>
public static partial class Golden
{
    public static void Match(string received, string name, string extension = "txt", [CallerFilePath] string testFile = "")
    {
        var folder = Path.GetDirectoryName(testFile)!;
        var approvedPath = Path.Combine(folder, $"{name}.approved.{extension}");
        var receivedPath = Path.Combine(folder, $"{name}.received.{extension}");
        var normalized = Scrub(received.ReplaceLineEndings("\n"));
        if (File.Exists(approvedPath) && File.ReadAllText(approvedPath).ReplaceLineEndings("\n") == normalized)
        {
            File.Delete(receivedPath);
            return;
        }
        File.WriteAllText(receivedPath, normalized);
        Assert.Fail(File.Exists(approvedPath)
            ? $"'{name}' differs from its approved version; compare {receivedPath} with {approvedPath} and approve it if the change is intended."
            : $"'{name}' has no approved version yet; review {receivedPath} and rename it to {Path.GetFileName(approvedPath)}.");
    }

    /// <summary>Replaces wall-clock time stamps (ISO 8601 and the reports' "yyyy-MM-dd HH:mm:ss.fff UTC") with a marker.</summary>
    public static string Scrub(string text) => Timestamp().Replace(text, "{timestamp}");

    [GeneratedRegex(@"\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:\.\d+)?(?: UTC|Z|[+-]\d\d:\d\d)?", RegexOptions.CultureInvariant)]
    private static partial Regex Timestamp();
}
