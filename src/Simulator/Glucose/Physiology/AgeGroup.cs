namespace Simulator.Glucose.Physiology;

/// <summary>The three cohorts of the UVA/Padova virtual population (10 patients each).</summary>
public enum AgeGroup
{
    Child,
    Adolescent,
    Adult,
}
