using System.ComponentModel;
using System.Reflection;
using Asp.Versioning.ApiExplorer;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SkatingWorldCup.Api.Web;

public static class Swagger
{
    public static IServiceCollection AddSkatingSwagger(this IServiceCollection services)
    {
        services.AddSwaggerGen(options =>
        {
            options.OperationFilter<DescriptionsFilter>();
            // Writes need X-Api-Key: Swagger UI's Authorize button sends it with the operations that require it.
            options.AddSecurityDefinition(ApiKeyScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = "X-Api-Key",
                Description = "A key from `dotnet run --project src/SkatingWorldCup.Api -- keys create --name NAME --scope write`, or Auth__BootstrapKey.",
            });
            options.OperationFilter<ApiKeyRequirementFilter>();
            options.OperationFilter<CommonResponsesFilter>();
            options.SupportNonNullableReferenceTypes();
            options.CustomSchemaIds(SchemaId);
        });
        // One document per API version, named as the versioned API explorer groups operations ("v1").
        services.AddOptions<SwaggerGenOptions>().Configure<IApiVersionDescriptionProvider>((options, versions) =>
        {
            foreach (var version in versions.ApiVersionDescriptions)
            {
                options.SwaggerDoc(version.GroupName, new OpenApiInfo
                {
                    Title = "SkatingWorldCup API",
                    Version = version.GroupName,
                    Description = "ISU Speed Skating World Cup seasons, weekends, races, results, cup standings and world records. "
                        + "Reads are anonymous; writes need an `X-Api-Key` header. Lists take `limit` (1–500, default 50) and `offset`. Errors are RFC 9457 problem+json.",
                });
            }
        });
        return services;
    }

    // Page<CupDto> is "PageOfCupDto": one schema per item type, where "PageOf" alone made them collide.
    private static string SchemaId(Type type) => type.IsGenericType
        ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}Of{string.Join("And", type.GetGenericArguments().Select(SchemaId))}"
        : type.Name;

    public static void UseSkatingSwagger(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(options =>
        {
            foreach (var version in app.DescribeApiVersions().Reverse())
            {
                options.SwaggerEndpoint($"/swagger/{version.GroupName}/swagger.json", $"SkatingWorldCup API {version.GroupName}");
            }
            options.DocumentTitle = "SkatingWorldCup API";
            options.DisplayRequestDuration();
        });
    }

    private const string ApiKeyScheme = "ApiKey";

    private sealed class ApiKeyRequirementFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            if (context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Any())
            {
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, context.Document)] = [] }];
            }
        }
    }

    // What any operation may answer besides its own responses, so generated clients know them too.
    private sealed class CommonResponsesFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            operation.Responses ??= [];
            var problem = context.SchemaGenerator.GenerateSchema(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), context.SchemaRepository);
            if (context.ApiDescription.HttpMethod == HttpMethods.Get)
            {
                operation.Responses.TryAdd("304", new OpenApiResponse { Description = "Not Modified: the ETag sent in If-None-Match is still current." });
            }
            operation.Responses.TryAdd("429", Problem("Too Many Requests: over this client's rate limit; see Retry-After and RateLimit-Reset.", problem));
            operation.Responses.TryAdd("503", Problem("Service Unavailable: the database cannot be reached; retry after Retry-After seconds.", problem));
        }

        private static OpenApiResponse Problem(string description, IOpenApiSchema schema) => new()
        {
            Description = description,
            Content = new Dictionary<string, IOpenApiMediaType> { ["application/problem+json"] = new OpenApiMediaType { Schema = schema } },
        };
    }

    // Summaries come from [EndpointSummary]/[EndpointDescription] and parameter text from [Description], not XML docs.
    private sealed class DescriptionsFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var method = (context.ApiDescription.ActionDescriptor as ControllerActionDescriptor)?.MethodInfo;
            operation.Summary ??= method?.GetCustomAttribute<EndpointSummaryAttribute>()?.Summary;
            operation.Description ??= method?.GetCustomAttribute<EndpointDescriptionAttribute>()?.Description;
            foreach (var parameter in operation.Parameters ?? [])
            {
                var description = context.ApiDescription.ParameterDescriptions.FirstOrDefault(p => p.Name == parameter.Name);
                var text = (description?.ParameterDescriptor as ControllerParameterDescriptor)?.ParameterInfo.GetCustomAttribute<DescriptionAttribute>()?.Description
                    ?? (description?.ModelMetadata as Microsoft.AspNetCore.Mvc.ModelBinding.Metadata.DefaultModelMetadata)?.Attributes.Attributes.OfType<DescriptionAttribute>().FirstOrDefault()?.Description;
                var info = (description?.ParameterDescriptor as ControllerParameterDescriptor)?.ParameterInfo;
                var example = info?.GetCustomAttribute<ExampleAttribute>()?.Value;
                if (parameter is OpenApiParameter concrete)
                {
                    concrete.Description ??= text;
                    concrete.Example ??= example is null ? null : System.Text.Json.Nodes.JsonValue.Create(example);
                }
            }
        }
    }
}

// A value Swagger UI pre-fills, so "Try it out" answers with real data at the first click.
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class ExampleAttribute(string value) : Attribute
{
    public string Value { get; } = value;
}
