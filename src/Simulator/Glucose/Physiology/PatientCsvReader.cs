using System.Globalization;

namespace Simulator.Glucose.Physiology;

/// <summary>
/// Reads the embedded <c>vpatient_params.csv</c> and <c>Quest.csv</c> (simglucose, MIT; Data/README.md) with the
/// invariant culture. The files are plain comma-separated with no quoting, so a split is enough.
/// </summary>
internal static class PatientCsvReader
{
    private const string ResourcePrefix = "Simulator.Glucose.Physiology.Data.";

    public static IReadOnlyList<VirtualPatient> ReadAll()
    {
        var quest = ReadTable("Quest.csv").ToDictionary(row => row["Name"], StringComparer.Ordinal);
        return [.. ReadTable("vpatient_params.csv").Select(row => ToPatient(row, quest[row["Name"]]))];
    }

    private static VirtualPatient ToPatient(Dictionary<string, string> row, Dictionary<string, string> quest)
    {
        double Num(string column) => double.Parse(row[column], NumberStyles.Float, CultureInfo.InvariantCulture);
        double QuestNum(string column) => double.Parse(quest[column], NumberStyles.Float, CultureInfo.InvariantCulture);

        // The initial-state columns are "x0_ 1".."x0_ 9" (with a space) and "x0_10".."x0_13".
        var x0 = Enumerable.Range(1, UvaPadovaModel.StateCount)
            .Select(i => Num(i < 10 ? $"x0_ {i}" : $"x0_{i}"))
            .ToArray();
        var parameters = new PatientParameters
        {
            BW = Num("BW"),
            Kabs = Num("kabs"), Kmax = Num("kmax"), Kmin = Num("kmin"), B = Num("b"), D = Num("d"), F = Num("f"),
            Vg = Num("Vg"), K1 = Num("k1"), K2 = Num("k2"), Vm0 = Num("Vm0"), Vmx = Num("Vmx"), Km0 = Num("Km0"),
            Kp1 = Num("kp1"), Kp2 = Num("kp2"), Kp3 = Num("kp3"), Fsnc = Num("Fsnc"), Ke1 = Num("ke1"), Ke2 = Num("ke2"),
            Vi = Num("Vi"), Ib = Num("Ib"), P2u = Num("p2u"), Ki = Num("ki"),
            M1 = Num("m1"), M2 = Num("m2"), M4 = Num("m4"), M30 = Num("m30"),
            Kd = Num("kd"), Ka1 = Num("ka1"), Ka2 = Num("ka2"), Ksc = Num("ksc"), U2ss = Num("u2ss"),
            InitialState = x0,
        };
        var name = row["Name"];
        return new VirtualPatient(
            name,
            GroupOf(name),
            (int)QuestNum("Age"),
            parameters.BW,
            QuestNum("CR"),
            QuestNum("CF"),
            QuestNum("TDI"),
            parameters);
    }

    private static AgeGroup GroupOf(string name) => name[..name.IndexOf('#', StringComparison.Ordinal)] switch
    {
        "adolescent" => AgeGroup.Adolescent,
        "adult" => AgeGroup.Adult,
        "child" => AgeGroup.Child,
        _ => throw new InvalidDataException($"Patient name '{name}' has no known age-group prefix."),
    };

    private static List<Dictionary<string, string>> ReadTable(string file)
    {
        using var stream = typeof(PatientCsvReader).Assembly.GetManifestResourceStream(ResourcePrefix + file)
            ?? throw new InvalidOperationException($"Embedded resource {ResourcePrefix}{file} is missing.");
        using var reader = new StreamReader(stream);
        var header = (reader.ReadLine() ?? throw new InvalidDataException($"{file} is empty.")).Split(',');
        var rows = new List<Dictionary<string, string>>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            var fields = line.Split(',');
            if (fields.Length != header.Length)
                throw new InvalidDataException($"{file}: a row has {fields.Length} fields, the header {header.Length}.");
            rows.Add(header.Zip(fields).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal));
        }
        return rows;
    }
}
