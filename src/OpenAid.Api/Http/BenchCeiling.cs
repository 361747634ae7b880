namespace OpenAid.Api.Http;

/// <summary>
/// The benchmark's ceiling (bench/run.sh, only with "Bench:Ceiling" on): the same size of JSON response as a GraphQL
/// answer, from memory, through the same host and middleware but without GraphQL or any cache lookup.
/// </summary>
public static class BenchCeiling
{
    public static void MapBenchCeiling(this WebApplication app)
    {
        var bodies = new System.Collections.Concurrent.ConcurrentDictionary<int, byte[]>();
        app.MapGet("/bench/ceiling", (HttpContext http, int? bytes) =>
        {
            var size = Math.Clamp(bytes ?? 2048, 16, 1024 * 1024);
            var body = bodies.GetOrAdd(size, n =>
            {
                var filler = new byte[n];
                Array.Fill(filler, (byte)'x');
                "{\"data\":\""u8.CopyTo(filler);
                "\"}"u8.CopyTo(filler.AsSpan(n - 2));
                return filler;
            });
            http.Response.ContentType = "application/json; charset=utf-8";
            http.Response.ContentLength = body.Length;
            return http.Response.Body.WriteAsync(body).AsTask();
        });
    }
}
