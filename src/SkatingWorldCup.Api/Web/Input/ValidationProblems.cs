using Microsoft.AspNetCore.Mvc;

namespace SkatingWorldCup.Api.Web.Input;

public static class ValidationProblems
{
    // A 400 ValidationProblemDetails from errors found outside model binding (e.g. by the importer), keyed by JSON path.
    public static ActionResult InvalidProblem(this ControllerBase controller, IReadOnlyDictionary<string, string[]> errors)
    {
        foreach (var (path, messages) in errors)
        {
            foreach (var message in messages)
            {
                controller.ModelState.AddModelError(path, message);
            }
        }
        return controller.ValidationProblem(controller.ModelState);
    }
}
