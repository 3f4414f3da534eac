using System.Reflection;
using System.Reflection.Emit;

namespace IomGraph.Storage.Neo4j.Tests;

/// <summary>
/// The methods and constructors that compiled code calls, read from its IL: every <c>call</c>, <c>callvirt</c>,
/// <c>newobj</c>, <c>ldftn</c> and <c>ldvirtftn</c> in every method body of an assembly, including the compiler's
/// lambdas, iterators and async state machines. It walks the instructions with their operand sizes, so an operand's
/// bytes are never read as an opcode.
/// </summary>
internal static class MethodCalls
{
    private const BindingFlags Declared = BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>Every call site in <paramref name="assembly"/>: the calling method and the method or constructor it calls.</summary>
    public static IEnumerable<(MethodBase Caller, MethodBase Callee)> In(Assembly assembly)
    {
        foreach (var type in assembly.GetTypes())
        {
            foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
            {
                foreach (var callee in Callees(method))
                {
                    yield return (method, callee);
                }
            }
        }
    }

    private static IEnumerable<MethodBase> Callees(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method is MethodInfo { IsGenericMethod: true } ? method.GetGenericArguments() : null;
        var at = 0;
        while (at < il.Length)
        {
            var value = il[at] == 0xFE ? (short)(0xFE00 | il[at + 1]) : il[at];
            var opCode = OpCodesByValue.TryGetValue(value, out var known)
                ? known
                : throw new InvalidDataException($"Unknown opcode 0x{value:X} at IL_{at:X4} in {method.DeclaringType}.{method.Name}.");
            at += opCode.Size;
            if (opCode.OperandType == OperandType.InlineMethod)
            {
                var token = BitConverter.ToInt32(il, at);
                yield return method.Module.ResolveMethod(token, typeArguments, methodArguments)!;
            }

            at += OperandSize(opCode.OperandType, il, at);
        }
    }

    private static int OperandSize(OperandType type, byte[] il, int at) => type switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };
}
