using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Dashboard.Tests.Components.Pages.Catalog;

public sealed class CatalogPageTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task The_home_page_lists_every_built_in_scenario_with_its_source()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>Scenario catalog</h1>", html, StringComparison.Ordinal);
        foreach (var entry in Scenarios.Catalog.ScenarioCatalog.List())
        {
            Assert.Contains($"<code>{entry.Name}</code>", html, StringComparison.Ordinal);
            Assert.Contains(entry.Title, html, StringComparison.Ordinal);
        }
    }
}
