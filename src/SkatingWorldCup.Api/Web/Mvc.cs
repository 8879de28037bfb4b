using System.Text.Json.Serialization;
using SkatingWorldCup.Api.Data;
using SkatingWorldCup.Api.Web.Formats;
using SkatingWorldCup.Api.Web.Input;

namespace SkatingWorldCup.Api.Web;

public static class Mvc
{
    // Controllers under /api/v{n}/, contract names in query strings, FluentValidation, CSV beside JSON, binding messages
    // that name parameters the way clients write them, and the input hygiene every body goes through (size limits,
    // strings the database can store, 400s named by JSON path).
    public static IServiceCollection AddSkatingControllers(this IServiceCollection services)
    {
        services.AddControllers(options =>
            {
                options.ModelBinderProviders.Insert(0, new ApiNameBinderProvider());
                options.Filters.Add<FluentValidationFilter>();
                options.AddCsv();
                options.ModelMetadataDetailsProviders.Add(new QueryNameDisplayMetadataProvider());
                options.ModelBindingMessageProvider.SetAttemptedValueIsInvalidAccessor((value, field) => $"'{value}' is not a valid {field}.");
                options.ModelBindingMessageProvider.SetValueIsInvalidAccessor(value => $"'{value}' is not a valid value.");
                options.Filters.Add<BodyLimitFilter>();
            })
            .AddJsonOptions(options =>
            {
                options.JsonSerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
                options.JsonSerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
                options.JsonSerializerOptions.Converters.Add(new StorableTextConverter());
            })
            .ConfigureApiBehaviorOptions(options => options.InvalidModelStateResponseFactory = JsonInput.InvalidModelState);
        services.AddReusedJson();
        return services;
    }
}
