using System.Runtime.CompilerServices;

namespace Simulator.Tests.Support;

/// <summary>
/// Golden files for what people read, Verify-style: the approved text sits next to the test as
/// <c>NAME.approved.txt</c>; a mismatch writes <c>NAME.received.txt</c> beside it and fails. To approve a change,
/// review the received file and rename it over the approved one.
/// </summary>
public static class Golden
{
    public static void Match(string received, string name, [CallerFilePath] string testFile = "")
    {
        var folder = Path.GetDirectoryName(testFile)!;
        var approvedPath = Path.Combine(folder, $"{name}.approved.txt");
        var receivedPath = Path.Combine(folder, $"{name}.received.txt");
        var normalized = received.ReplaceLineEndings("\n");
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
}
