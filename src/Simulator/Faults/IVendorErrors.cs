namespace Simulator.Faults;

/// <summary>How a vendor words its answers, so a faulted answer looks like that vendor's own.</summary>
public interface IVendorErrors
{
    (string ContentType, string Body) ErrorBody(int status);

    /// <summary>The content type of the vendor's normal answers: an empty or cut-short body still claims it.</summary>
    string ContentType => "application/json";
}
