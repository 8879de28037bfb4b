using Microsoft.AspNetCore.Mvc.ModelBinding;
using SkatingWorldCup.Api.Domain;

namespace SkatingWorldCup.Api.Web.Input;

// Query values bind by their contract names only ("men", "mass-start"), never by C# name or number ("0").
public sealed class ApiNameBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        var type = Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType;
        return type.IsEnum && type.Namespace == typeof(Gender).Namespace
            ? (IModelBinder)Activator.CreateInstance(typeof(ApiNameBinder<>).MakeGenericType(type))!
            : null;
    }
}

public sealed class ApiNameBinder<T> : IModelBinder where T : struct, Enum
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var value = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (value == ValueProviderResult.None || string.IsNullOrEmpty(value.FirstValue))
        {
            return Task.CompletedTask;
        }
        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, value);
        if (ApiName<T>.TryParse(value.FirstValue, out var parsed))
        {
            bindingContext.Result = ModelBindingResult.Success(parsed);
        }
        else
        {
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName,
                $"'{value.FirstValue}' is not a valid {bindingContext.ModelName}: use one of {string.Join(", ", ApiName<T>.All)}.");
        }
        return Task.CompletedTask;
    }
}

// Binding messages name a field the way the client wrote it ("limit"), not by its C# name ("Limit").
public sealed class QueryNameDisplayMetadataProvider : Microsoft.AspNetCore.Mvc.ModelBinding.Metadata.IDisplayMetadataProvider
{
    public void CreateDisplayMetadata(Microsoft.AspNetCore.Mvc.ModelBinding.Metadata.DisplayMetadataProviderContext context)
    {
        var name = context.Key.Name;
        if (name is not null && context.DisplayMetadata.DisplayName is null)
        {
            var camel = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);
            context.DisplayMetadata.DisplayName = () => camel;
        }
    }
}
