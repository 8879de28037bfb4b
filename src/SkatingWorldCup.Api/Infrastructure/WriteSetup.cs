using Microsoft.AspNetCore.Mvc;
using SkatingWorldCup.Api.Features.Keys;

namespace SkatingWorldCup.Api.Infrastructure;

public static class WriteSetup
{
    // API keys and policies, the data version on reads, and the input hygiene every body goes through.
    public static IServiceCollection AddSkatingWrites(this IServiceCollection services)
    {
        services.AddApiKeyAuthentication();
        services.Configure<MvcOptions>(o =>
        {
            o.Filters.Add<DataVersionFilter>();
            o.Filters.Add<BodyLimitFilter>();
        });
        services.Configure<JsonOptions>(o => o.JsonSerializerOptions.Converters.Add(new CleanStringConverter()));
        services.Configure<ApiBehaviorOptions>(o => o.InvalidModelStateResponseFactory = JsonInput.InvalidModelState);
        return services;
    }
}
