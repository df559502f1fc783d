using Scenarios.Model;
using static Scenarios.Tests.Loading.ScenarioYaml;

namespace Scenarios.Tests.Loading;

public class PolicyValidationTests
{
    [Fact]
    public void Named_policy_is_used_as_is()
    {
        Assert.Same(AlertPolicySpec.DexcomDefault, Load(With("policy: dexcom-default")).Policy);
    }

    [Fact]
    public void Map_overrides_the_base_policy_field_by_field()
    {
        var policy = Load(With("policy: { low: 80, noData: 30m }")).Policy;

        Assert.Equal(
            AlertPolicySpec.DexcomDefault with { Name = "dexcom-default (customised)", LowMgdl = 80, NoDataAfter = TimeSpan.FromMinutes(30) },
            policy);
    }

    [Fact]
    public void Map_with_only_a_base_keeps_the_base_name()
    {
        Assert.Equal(AlertPolicySpec.DexcomDefault, Load(With("policy: { base: dexcom-default }")).Policy);
    }

    [Fact]
    public void Unknown_policy_name_gets_a_suggestion()
    {
        Assert.Equal(
            Error(10, 9, "policy", "unknown alert policy 'dexcom-defualt' (did you mean 'dexcom-default'?)"),
            SingleError(With("policy: dexcom-defualt")));
    }

    [Fact]
    public void Unknown_base_policy_lists_the_known_ones()
    {
        Assert.Equal(
            Error(10, 17, "policy.base", "unknown alert policy 'libre'; known policies: dexcom-default"),
            SingleError(With("policy: { base: libre }")));
    }

    [Fact]
    public void Thresholds_must_rise_from_urgent_low_to_low_to_high()
    {
        Assert.Equal(
            Error(10, 9, "policy", "thresholds must rise from urgentLow to low to high: urgentLow (70) must be below low (70), and low (70) must be below high (60)"),
            SingleError(With("policy: { urgentLow: 70, high: 60 }")));
    }

    [Fact]
    public void Threshold_outside_what_a_cgm_reports_is_rejected()
    {
        Assert.Equal(
            Error(10, 17, "policy.high", "700 mg/dL is outside 20..600; use a threshold a CGM can report"),
            SingleError(With("policy: { high: 700 }")));
    }

    [Fact]
    public void No_data_must_be_longer_than_zero()
    {
        Assert.Equal(
            Error(10, 19, "policy.noData", "noData must be longer than 0; write e.g. noData: 20m"),
            SingleError(With("policy: { noData: 0s }")));
    }

    [Fact]
    public void Unknown_policy_key_gets_a_suggestion()
    {
        Assert.Equal(
            Error(10, 11, "policy.urgentlow", "unknown key 'urgentlow' (did you mean 'urgentLow'?)"),
            SingleError(With("policy: { urgentlow: 50 }")));
    }
}
