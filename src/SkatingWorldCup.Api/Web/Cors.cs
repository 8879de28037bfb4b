using Microsoft.AspNetCore.Cors.Infrastructure;

namespace SkatingWorldCup.Api.Web;

// Browser frontends may read from anywhere (Cors:ReadOrigins, default "*"), but only the origins in Cors:WriteOrigins
// (default none) may write. The policy follows the method, or for a preflight the method it asks about, not the route.
public static class Cors
{
    public static readonly string[] ExposedHeaders =
        ["ETag", "Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "Content-Disposition", "api-supported-versions", "X-Data-Version"];

    public static IServiceCollection AddSkatingCors(this IServiceCollection services, IConfiguration configuration)
    {
        var reads = Origins(configuration, "Cors:ReadOrigins", "*");
        var writes = Origins(configuration, "Cors:WriteOrigins", "");
        services.AddSingleton<ICorsPolicyProvider>(new MethodCorsPolicyProvider(
            Policy(reads, HttpMethods.Get, HttpMethods.Head, HttpMethods.Options),
            writes.Length == 0 ? null : Policy(writes, HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete)));
        return services.AddCors();
    }

    // A list in appsettings.json, or one comma-separated value (Cors__WriteOrigins="https://a.example,https://b.example").
    private static string[] Origins(IConfiguration configuration, string key, string fallback)
    {
        var section = configuration.GetSection(key);
        var values = section.GetChildren().Any() ? section.GetChildren().Select(c => c.Value ?? "") : (section.Value ?? fallback).Split(',');
        return [.. values.Select(v => v.Trim().TrimEnd('/')).Where(v => v.Length > 0)];
    }

    private static CorsPolicy Policy(string[] origins, params string[] methods)
    {
        var policy = new CorsPolicyBuilder().WithMethods(methods).AllowAnyHeader().WithExposedHeaders(ExposedHeaders);
        return (origins.Contains("*") ? policy.AllowAnyOrigin() : policy.WithOrigins(origins)).Build();
    }

    private sealed class MethodCorsPolicyProvider(CorsPolicy reads, CorsPolicy? writes) : ICorsPolicyProvider
    {
        public Task<CorsPolicy?> GetPolicyAsync(HttpContext context, string? policyName)
        {
            var request = context.Request;
            var method = HttpMethods.IsOptions(request.Method) && request.Headers.AccessControlRequestMethod is { Count: > 0 } asked ? asked.ToString() : request.Method;
            var isRead = HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);
            return Task.FromResult(isRead ? reads : writes);
        }
    }
}
