using LoadDriver.Targets;
using LoadDriver.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace LoadDriver.Tests.Targets;

public class HttpTargetsTests
{
    [Fact]
    public async Task Send_carries_the_method_headers_content_type_and_body()
    {
        await using var server = await LoopbackServer.StartAsync(async (ctx, _) =>
        {
            using var reader = new StreamReader(ctx.Request.Body);
            var body = await reader.ReadToEndAsync();
            ctx.Response.StatusCode = ctx.Request.Method == "PUT" && ctx.Request.Headers["X-Patient"] == "p-7"
                && ctx.Request.ContentType == "application/json" && body == "{}" ? 204 : 400;
        });
        using var client = HttpTargets.CreateClient(2);
        var send = HttpTargets.Send(client, new RequestSpec(server.Url("x"), "PUT", [new("X-Patient", "p-7"), new("Content-Type", "application/json")], "{}"u8.ToArray()));

        Assert.Equal(204, (await send(CancellationToken.None)).StatusCode);
    }

    [Theory]
    [InlineData("Accept: application/json", "Accept", "application/json")]
    [InlineData("X-Api-Secret:abc:def", "X-Api-Secret", "abc:def")]
    public void Headers_parse_as_curl_takes_them(string text, string name, string value)
    {
        Assert.True(RequestSpec.TryParseHeader(text, out var header, out _));
        Assert.Equal(new KeyValuePair<string, string>(name, value), header);
    }

    [Fact]
    public void A_header_without_a_name_says_how_to_write_one()
    {
        Assert.False(RequestSpec.TryParseHeader("no colon here", out _, out var error));
        Assert.Equal("--header 'no colon here' is not a header; write NAME:VALUE, e.g. --header 'Accept: application/json'.", error);
    }
}
