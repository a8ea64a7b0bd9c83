using System.Text;
using GlanceBake.Core.Parameters;
using GlanceBake.Core.Seed;
using GlanceBake.Core.Tests.Snapshots;
using GlanceBake.Testing;
using Xunit;

namespace GlanceBake.Core.Tests.Seed;

/// <summary>
/// out/review/ never holds a secret value: every scenario is baked with distinctive secrets (each with a unique core of
/// letters and digits, wrapped in characters every escaping filter changes), and the whole written output except
/// cidata/ and seed.iso is searched for each value in every form a template writes it in.
/// </summary>
public sealed class ReviewTreeTests
{
    // Core (letters and digits, survives every escaping) plus $, ', \, @, %, / and a space, which the filters change.
    private static readonly (string Field, string Value)[] Distinctive =
    [
        ("database.password", "a$'Zz9DbCoreQ1\\@%/ x"),
        ("database.admin.password", "b$Zz9RootCoreQ2\\@%/ y"),
        ("keystone.admin.password", "c$'Zz9AdminCoreQ3@%/ z"),
        ("glance.password", "d$'Zz9GlanceCoreQ4\\@%/ w"),
    ];

    private static BakeParameters WithDistinctiveSecrets(BakeParameters p) => p with
    {
        Database = p.Database with
        {
            Password = Distinctive[0].Value,
            Admin = p.Database.Admin with { Password = p.Database.Admin.Password is null ? null : Distinctive[1].Value },
        },
        Keystone = p.Keystone with { Admin = p.Keystone.Admin with { Password = Distinctive[2].Value } },
        Glance = p.Glance with { Password = Distinctive[3].Value },
    };

    /// <summary>Every form a template may write <paramref name="v"/> in.</summary>
    private static IEnumerable<string> Forms(string v)
    {
        yield return v;
        yield return Uri.EscapeDataString(v);                                        // URL userinfo
        yield return v.Replace("$", "$$", StringComparison.Ordinal);                 // oslo.config interpolation
        yield return v.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal); // SQL
        yield return v.Replace("'", "\\'", StringComparison.Ordinal);                // SQL / option file backslash form
        yield return v.Replace("'", "'\\''", StringComparison.Ordinal);              // shell single quotes
        yield return v.Replace("%", "%%", StringComparison.Ordinal);                 // systemd
        var core = v[v.IndexOf("Zz9", StringComparison.Ordinal)..];
        yield return core[..core.IndexOf('Q')];                                      // the core alone: any escaping
    }

    private static (BakeParameters P, string Out) BakeDistinctive(string name, bool reveal, bool adminPassword = false)
    {
        var p = WithDistinctiveSecrets(Scenario.Load(name));
        if (adminPassword)
        {
            p = p with { Database = p.Database with { Admin = new DatabaseAdmin("password", "root", Distinctive[1].Value, p.Database.Host) } };
        }

        var output = Path.Combine(TestTemp.NewDir("review-" + name), "out");
        BundleWriter.Write(SeedBaker.Bake(p, SeedBaker.DefaultTimestamp, reveal), output);
        return (p, output);
    }

    private static List<(string File, string Field)> Hits(string output)
    {
        var hits = new List<(string, string)>();
        foreach (var file in Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(output, file).Replace('\\', '/');
            if (rel.StartsWith("cidata/", StringComparison.Ordinal) || rel == "seed.iso")
            {
                continue;
            }

            var text = Encoding.UTF8.GetString(File.ReadAllBytes(file));
            hits.AddRange(from s in Distinctive from form in Forms(s.Value)
                          where text.Contains(form, StringComparison.Ordinal) select (rel, s.Field));
        }

        return hits;
    }

    [Theory]
    [MemberData(nameof(Scenario.All), MemberType = typeof(Scenario))]
    public void Review_EveryScenario_HoldsNoSecretValueInAnyEscapedForm(string name)
    {
        foreach (var admin in new[] { false, true })
        {
            var (p, output) = BakeDistinctive(name, reveal: false, adminPassword: admin);
            Assert.Empty(Hits(output));
            var review = string.Concat(Directory.EnumerateFiles(Path.Combine(output, "review"), "*", SearchOption.AllDirectories)
                .Select(File.ReadAllText));
            Assert.DoesNotContain("GlanceBakeSecretToken", review);
            foreach (var (field, _) in ReviewTree.Secrets(p))
            {
                Assert.Contains(ReviewTree.Placeholder(field), review);
            }

            // The seed itself carries the real values (the search above would have found them).
            Assert.Contains("Zz9GlanceCore", File.ReadAllText(Path.Combine(output, "cidata", "user-data")));
        }
    }

    [Fact]
    public void Review_DatabaseUrl_ShowsThePlaceholderReadably()
    {
        var (_, output) = BakeDistinctive("zed-debian12", reveal: false);
        var conf = File.ReadAllText(Path.Combine(output, "review/rootfs/etc/glance/glance-api.conf"));
        Assert.Contains("connection = mysql+pymysql://glance:<secret:database.password>@", conf);
        Assert.Contains("password = <secret:glance.password>", conf);
    }

    [Fact]
    public void Review_WithReveal_HoldsTheRealValues()
    {
        var (_, output) = BakeDistinctive("zed-debian12", reveal: true);
        Assert.NotEmpty(Hits(output));
        Assert.DoesNotContain("<secret:", File.ReadAllText(Path.Combine(output, "review/rootfs/etc/glance/glance-api.conf")));
    }

    [Fact]
    public void Review_DoesNotDependOnSecretValues()
    {
        var p = Scenario.Load("controller");
        var image = SeedImage.Generated(p.Verification.DiskFormat);
        var a = ReviewTree.Render(p, image, reveal: false, "iid-a");
        var b = ReviewTree.Render(WithDistinctiveSecrets(p), image, reveal: false, "iid-b");
        Assert.Equal(a.Select(f => f.Path), b.Select(f => f.Path));
        Assert.All(a.Zip(b), x => Assert.Equal(x.First.Content, x.Second.Content));
        Assert.Contains($"instance-id: {ReviewTree.DerivedInstanceId}\n",
            Encoding.UTF8.GetString(a.Single(f => f.Path == "meta-data").Content));
    }

    [Fact]
    public void Output_SecretBearingFilesAndSums_AreOwnerOnly()
    {
        var (_, output) = BakeDistinctive("controller", reveal: false);
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        foreach (var f in new[] { "SHA256SUMS", "seed.iso", "cidata/user-data", "cidata/meta-data" })
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(output, f)));
        }
    }
}
