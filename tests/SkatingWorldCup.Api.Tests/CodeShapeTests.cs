using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SkatingWorldCup.Api.Tests;

// How the code should look, checked rather than hoped for: no file over 300 lines and no method over 50, in src, tests
// and bench (migrations excepted: they are generated, or SQL).
public sealed class CodeShapeTests
{
    private const int MaxFileLines = 300;
    private const int MaxMethodLines = 50;

    private static readonly string s_root = RepositoryRoot();

    private static IEnumerable<string> SourceFiles() =>
        new[] { "src", "tests", "bench" }.SelectMany(d => Directory.EnumerateFiles(Path.Combine(s_root, d), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "Migrations"))
            .Order();

    [Fact]
    public void No_file_is_over_300_lines()
    {
        var long_ = SourceFiles().Select(f => (File: Relative(f), Lines: File.ReadAllLines(f).Length)).Where(f => f.Lines > MaxFileLines).ToList();

        long_.ShouldBeEmpty(string.Join("; ", long_.Select(f => $"{f.File} has {f.Lines} lines")));
    }

    [Fact]
    public void No_method_is_over_50_lines()
    {
        var long_ = SourceFiles().SelectMany(LongMethods).ToList();

        long_.ShouldBeEmpty(string.Join("; ", long_));
    }

    private static IEnumerable<string> LongMethods(string file)
    {
        var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(file), new CSharpParseOptions(LanguageVersion.Preview), file);
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            var name = node switch
            {
                MethodDeclarationSyntax m => m.Identifier.Text,
                ConstructorDeclarationSyntax c => c.Identifier.Text,
                LocalFunctionStatementSyntax l => l.Identifier.Text,
                AccessorDeclarationSyntax a => a.Keyword.Text,
                OperatorDeclarationSyntax o => o.OperatorToken.Text,
                _ => null,
            };
            var span = node.GetLocation().GetLineSpan();
            var lines = span.EndLinePosition.Line - span.StartLinePosition.Line + 1;
            if (name is not null && lines > MaxMethodLines)
            {
                yield return $"{Relative(file)}:{span.StartLinePosition.Line + 1} {name} has {lines} lines";
            }
        }
    }

    private static string Relative(string path) => Path.GetRelativePath(s_root, path);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SkatingWorldCup.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No SkatingWorldCup.sln above {AppContext.BaseDirectory}.");
    }
}
