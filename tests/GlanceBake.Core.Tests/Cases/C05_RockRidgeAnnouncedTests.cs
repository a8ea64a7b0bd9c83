using System.Text;
using Xunit;

namespace GlanceBake.Core.Tests.Cases;

/// <summary>C05: SUSP SP first in the root's record, an ER entry, NM names, PX modes 0444 files / 0555 directories.</summary>
public sealed class C05_RockRidgeAnnouncedTests
{
    private static readonly Lazy<IsoImage> Iso = new(() => new IsoImage(File.ReadAllBytes(
        Path.Combine(TestBake.Write(TestBake.Bake(TestBake.ExampleText)), "seed.iso"))));

    private static DirRecord RootDot => Iso.Value.Children(Iso.Value.Root(Iso.Value.Pvd))[0];

    [Fact]
    public void Bake_DefaultSeed_SpIsTheFirstEntryOfTheRootRecord()
    {
        var su = RootDot.SystemUse;
        Assert.True(su.Length >= 7);
        Assert.Equal(new byte[] { (byte)'S', (byte)'P', 7, 1, 0xBE, 0xEF, 0 }, su[..7]);
    }

    [Fact]
    public void Bake_DefaultSeed_RootRecordHasAnErEntryForRockRidge()
    {
        var er = Iso.Value.Susp(RootDot).Where(e => e.Sig == "ER").ToList();
        var entry = Assert.Single(er).Entry;
        var idLen = entry[4];
        var id = Encoding.ASCII.GetString(entry, 8, idLen);
        Assert.Contains(id, new[] { "RRIP_1991A", "IEEE_P1282", "IEEE_1282" });
    }

    [Fact]
    public void Bake_DefaultSeed_EveryEntryHasNmAndPxWithReadOnlyModes()
    {
        var iso = Iso.Value;
        var seen = 0;
        void Walk(DirRecord dir, string path)
        {
            var children = iso.Children(dir);
            Assert.Equal(0x4000u | 0x16D, iso.RockRidgeMode(children[0])); // "." : directory, 0555
            foreach (var r in children.Skip(2))
            {
                var name = iso.RockRidgeName(r);
                Assert.False(name is null, $"{path}: an entry has no NM name");
                var mode = iso.RockRidgeMode(r);
                Assert.False(mode is null, $"{path}{name} has no PX entry");
                if (r.IsDirectory)
                {
                    Assert.Equal(0x4000u | 0x16D, mode!.Value);
                    Walk(r, $"{path}{name}/");
                }
                else
                {
                    Assert.Equal(0x8000u | 0x124, mode!.Value);
                }

                seen++;
            }
        }

        Walk(iso.Root(iso.Pvd), "/");
        Assert.True(seen >= 4, $"only {seen} entries");
    }

    [Fact]
    public void Bake_DefaultSeed_VerificationImageSitsUnderGlancebakeWithItsExactName()
    {
        var iso = Iso.Value;
        var dir = iso.Children(iso.Root(iso.Pvd)).Skip(2).Single(r => iso.RockRidgeName(r) == "glancebake");
        Assert.Equal(new[] { "verify-image.qcow2" }, iso.Children(dir).Skip(2).Select(r => iso.RockRidgeName(r) ?? "").ToArray());
    }
}
