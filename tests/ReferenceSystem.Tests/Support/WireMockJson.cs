using WireMock;
using WireMock.Types;
using WireMock.Util;

namespace ReferenceSystem.Tests.Support;

internal static class WireMockJson
{
    public static ResponseMessage Respond(int status, string json)
    {
        var response = new ResponseMessage
        {
            StatusCode = status,
            BodyData = new BodyData { BodyAsString = json, DetectedBodyType = BodyType.String },
        };
        response.AddHeader("Content-Type", "application/json");
        return response;
    }

    public static string? Header(IRequestMessage request, string name) =>
        request.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    public static string? Query(IRequestMessage request, string name) =>
        request.QueryIgnoreCase?.FirstOrDefault(q => string.Equals(q.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
}
