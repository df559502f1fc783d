using System.Diagnostics.CodeAnalysis;

namespace Simulator.Glucose.Physiology;

/// <summary>
/// The 30 simglucose virtual patients (10 adolescents, 10 adults, 10 children, spec 1.4), loaded once from the
/// embedded CSVs, in CSV order.
/// </summary>
public static class VirtualPatients
{
    private static readonly Lazy<Catalog> Loaded = new(Catalog.Load);

    /// <summary>All 30 patients in CSV order (adolescent#001..010, adult#001..010, child#001..010).</summary>
    public static IReadOnlyList<VirtualPatient> All => Loaded.Value.Patients;

    public static VirtualPatient Get(string name) =>
        TryGet(name, out var patient)
            ? patient
            : throw new ArgumentException(
                $"Unknown virtual patient '{name}': valid names are adolescent#001..010, adult#001..010, child#001..010.");

    public static bool TryGet(string name, [NotNullWhen(true)] out VirtualPatient? patient) =>
        Loaded.Value.ByName.TryGetValue(name, out patient);

    public static IReadOnlyList<VirtualPatient> OfGroup(AgeGroup group) => Loaded.Value.ByGroup[group];

    private sealed record Catalog(
        IReadOnlyList<VirtualPatient> Patients,
        IReadOnlyDictionary<string, VirtualPatient> ByName,
        IReadOnlyDictionary<AgeGroup, IReadOnlyList<VirtualPatient>> ByGroup)
    {
        public static Catalog Load()
        {
            var patients = PatientCsvReader.ReadAll();
            return new Catalog(
                patients,
                patients.ToDictionary(p => p.Name, StringComparer.Ordinal),
                Enum.GetValues<AgeGroup>().ToDictionary(g => g, g => (IReadOnlyList<VirtualPatient>)[.. patients.Where(p => p.AgeGroup == g)]));
        }
    }
}
