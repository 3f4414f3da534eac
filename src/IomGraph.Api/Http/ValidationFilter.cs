using FluentValidation;

namespace IomGraph.Api.Http;

/// <summary>Runs the FluentValidation validator of a request before its handler; a failure is a 400 problem naming each parameter.</summary>
public sealed class ValidationFilter<TRequest> : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var validator = context.HttpContext.RequestServices.GetRequiredService<IValidator<TRequest>>();
        foreach (var argument in context.Arguments)
        {
            if (argument is TRequest request)
            {
                var result = await validator.ValidateAsync(request, context.HttpContext.RequestAborted);
                if (!result.IsValid)
                {
                    return TypedResults.ValidationProblem(
                        result.ToDictionary(),
                        detail: "One or more request parameters are invalid. See 'errors', keyed by parameter name.",
                        title: "Invalid request parameters");
                }
            }
        }

        return await next(context);
    }
}

/// <summary>Says that an endpoint validates its <see cref="RequestType"/> argument: the guard tests read it.</summary>
public sealed record ValidatedRequestMetadata(Type RequestType);

public static class ValidationFilterExtensions
{
    /// <summary>Validates the <typeparamref name="TRequest"/> argument and documents the 400 answer.</summary>
    public static RouteHandlerBuilder WithValidation<TRequest>(this RouteHandlerBuilder builder) =>
        builder
            .AddEndpointFilter<ValidationFilter<TRequest>>()
            .WithMetadata(new ValidatedRequestMetadata(typeof(TRequest)))
            .ProducesValidationProblem();
}
