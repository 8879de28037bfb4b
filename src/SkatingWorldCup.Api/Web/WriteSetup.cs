using Microsoft.AspNetCore.Mvc;
using SkatingWorldCup.Api.Auth;
using SkatingWorldCup.Api.Web.Input;

namespace SkatingWorldCup.Api.Web;

public static class WriteSetup
{
    // API keys and policies, and the input hygiene every body goes through. (Reads get X-Data-Version from ConditionalGetMiddleware.)
    public static IServiceCollection AddSkatingWrites(this IServiceCollection services)
    {
        services.AddApiKeyAuthentication();
        services.Configure<MvcOptions>(o =>
        {
            o.Filters.Add<BodyLimitFilter>();
        });
        services.Configure<JsonOptions>(o => o.JsonSerializerOptions.Converters.Add(new CleanStringConverter()));
        services.Configure<ApiBehaviorOptions>(o => o.InvalidModelStateResponseFactory = JsonInput.InvalidModelState);
        return services;
    }
}
