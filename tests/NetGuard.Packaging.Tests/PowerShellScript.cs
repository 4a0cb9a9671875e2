using System.Management.Automation.Language;

namespace NetGuard.Packaging.Tests;

/// <summary>
/// A PowerShell script read by PowerShell's own parser, with just enough evaluation to follow the
/// paths the Windows scripts build (parameter defaults, <c>Join-Path</c>, <c>-f</c>) as Windows would.
/// </summary>
internal sealed class PowerShellScript
{
    /// <summary>What the environment variables the scripts use hold on a default Windows install.</summary>
    private static readonly Dictionary<string, string> WindowsEnvironment = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ProgramFiles"] = @"C:\Program Files",
        ["ProgramData"] = @"C:\ProgramData",
        ["SystemRoot"] = @"C:\Windows",
    };

    private PowerShellScript(ScriptBlockAst ast, ParseError[] errors)
    {
        Ast = ast;
        Errors = errors;
    }

    public ScriptBlockAst Ast { get; }

    public IReadOnlyList<ParseError> Errors { get; }

    public static PowerShellScript Parse(string path)
    {
        var ast = Parser.ParseFile(path, out _, out var errors);
        return new PowerShellScript(ast, errors);
    }

    /// <summary>Every call of <paramref name="command"/> (a cmdlet or a program such as sc.exe), in script order.</summary>
    public IReadOnlyList<CommandAst> Commands(string command) =>
        Ast.FindAll(a => a is CommandAst c && string.Equals(c.GetCommandName(), command, StringComparison.OrdinalIgnoreCase), searchNestedScriptBlocks: true)
            .Cast<CommandAst>().OrderBy(c => c.Extent.StartOffset).ToList();

    /// <summary>A call's named parameters and their argument (null for a switch).</summary>
    public static Dictionary<string, Ast?> Parameters(CommandAst command)
    {
        var parameters = new Dictionary<string, Ast?>(StringComparer.OrdinalIgnoreCase);
        var elements = command.CommandElements;
        for (var i = 1; i < elements.Count; i++)
        {
            if (elements[i] is CommandParameterAst parameter)
            {
                var argument = parameter.Argument ?? (i + 1 < elements.Count && elements[i + 1] is not CommandParameterAst ? elements[++i] : null);
                parameters[parameter.ParameterName] = argument;
            }
        }

        return parameters;
    }

    /// <summary>The value of <c>$name</c>: its first assignment in the script, else its parameter default.</summary>
    public string Variable(string name)
    {
        var assignment = Ast.FindAll(a => a is AssignmentStatementAst s && s.Left is VariableExpressionAst v && v.VariablePath.UserPath.Equals(name, StringComparison.OrdinalIgnoreCase), searchNestedScriptBlocks: false)
            .Cast<AssignmentStatementAst>().FirstOrDefault();
        if (assignment is not null)
        {
            return Evaluate(assignment.Right);
        }

        var parameter = Ast.ParamBlock?.Parameters.FirstOrDefault(p => p.Name.VariablePath.UserPath.Equals(name, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"${name} is neither assigned nor a parameter");
        return Evaluate(parameter.DefaultValue ?? throw new InvalidOperationException($"parameter ${name} has no default"));
    }

    /// <summary>Strings, variables, $env:X, "Join-Path A B" and "FORMAT -f A, B": what the path-building lines use.</summary>
    public string Evaluate(Ast ast) => ast switch
    {
        StringConstantExpressionAst s => s.Value,
        VariableExpressionAst { VariablePath.DriveName: "env" } v => WindowsEnvironment[v.VariablePath.UserPath["env:".Length..]],
        VariableExpressionAst v => Variable(v.VariablePath.UserPath),
        ParenExpressionAst p => Evaluate(p.Pipeline),
        PipelineAst { PipelineElements.Count: 1 } p => Evaluate(p.PipelineElements[0]),
        CommandExpressionAst c => Evaluate(c.Expression),
        CommandAst c when string.Equals(c.GetCommandName(), "Join-Path", StringComparison.OrdinalIgnoreCase) && c.CommandElements.Count == 3 =>
            Evaluate(c.CommandElements[1]).TrimEnd('\\') + @"\" + Evaluate(c.CommandElements[2]),
        BinaryExpressionAst { Operator: TokenKind.Format } b =>
            string.Format(System.Globalization.CultureInfo.InvariantCulture, Evaluate(b.Left), (b.Right is ArrayLiteralAst list ? list.Elements : [b.Right]).Select(e => (object)Evaluate(e)).ToArray()),
        _ => throw new NotSupportedException($"cannot evaluate '{ast.Extent.Text}' ({ast.GetType().Name})"),
    };
}
