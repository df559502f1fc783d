using static Scenarios.Tests.Loading.ScenarioYaml;

namespace Scenarios.Tests.Loading;

public class YamlSyntaxTests
{
    [Fact]
    public void Bad_indentation_reports_the_yaml_parser_position_and_message()
    {
        var error = SingleError("name: t\ntitle: x\n  start: 2024-01-01T00:00:00Z\n");

        Assert.Equal(
            Error(3, 8, "", "YAML syntax error: while scanning a plain scalar value, found invalid mapping; check the indentation, quotes and brackets here"),
            error);
    }

    [Fact]
    public void Duplicate_key_names_the_key_and_its_second_line()
    {
        var error = SingleError("name: t\ntitle: x\nname: u\n");

        Assert.Equal(Error(3, 1, "", "the key 'name' appears twice in the same mapping; keep one"), error);
    }

    [Fact]
    public void Unclosed_flow_list_is_reported_at_its_opening_bracket()
    {
        var error = SingleError("name: t\nvendors: [dexcom-share, fcm\ntitle: x\n");

        Assert.Equal(
            Error(2, 10, "", "YAML syntax error: the '[' opened here is not closed; add the ']' (or check for a comma or quote out of place inside it)"),
            error);
    }

    [Fact]
    public void Empty_file_is_reported_as_a_file_level_problem()
    {
        Assert.Equal(
            Error(0, 0, "", "the file is empty; a scenario needs at least name, title, start, duration, vendors and patients"),
            SingleError("# nothing here\n"));
    }

    [Fact]
    public void Several_documents_in_one_file_are_rejected()
    {
        Assert.Equal(
            Error(11, 1, "", "the file holds more than one YAML document (separated by '---'); put one scenario per file"),
            SingleError(With("---\nname: u")));
    }

    [Fact]
    public void A_top_level_list_is_not_a_scenario()
    {
        Assert.Equal(
            Error(1, 1, "", "a scenario file must be a mapping of keys (name, title, start, duration, vendors, patients, ...), found a list"),
            SingleError("- name: t\n"));
    }
}
