using System.Text;

namespace GlanceBake.Iso9660;

/// <summary>ECMA-119 9.4 path tables: one record per directory in path-table order, type L or type M.</summary>
internal static class PathTable
{
    /// <summary>
    /// Builds one path table of <paramref name="size"/> bytes for the ECMA-119 tree or the Joliet tree,
    /// little-endian (type L, ECMA-119 7.3.1/7.2.1) or big-endian (type M, ECMA-119 7.3.2/7.2.2).
    /// </summary>
    public static byte[] Build(IReadOnlyList<TreeNode> directories, uint size, bool joliet, bool bigEndian)
    {
        var table = new byte[size];
        var at = 0;
        foreach (var dir in directories)
        {
            // ECMA-119 9.4.5 / 6.8.2.2: the root's directory identifier is one 0x00 byte (length 1).
            var identifier = dir.Parent is null ? [0x00]
                : joliet ? ImageLayout.JolietIdentifier(dir.Name) : Encoding.ASCII.GetBytes(dir.IsoIdentifier);
            var record = table.AsSpan(at);
            var extent = joliet ? dir.JolietBlock : dir.IsoBlock;
            var parent = dir.Parent ?? dir; // ECMA-119 9.4.4: the root's parent is directory number 1
            var parentNumber = joliet ? parent.JolietNumber : parent.IsoNumber;
            record[0] = (byte)identifier.Length; // ECMA-119 9.4.1: length of directory identifier
            record[1] = 0;                        // ECMA-119 9.4.2: extended attribute record length
            if (bigEndian)
            {
                BothEndian.WriteUInt32Big(record, 2, extent);          // ECMA-119 9.4.3: location of extent
                BothEndian.WriteUInt16Big(record, 6, parentNumber);    // ECMA-119 9.4.4: parent directory number
            }
            else
            {
                BothEndian.WriteUInt32Little(record, 2, extent);
                BothEndian.WriteUInt16Little(record, 6, parentNumber);
            }

            identifier.CopyTo(record[8..]);       // ECMA-119 9.4.5: directory identifier
            // ECMA-119 9.4.6: the padding byte after an odd-length identifier stays 0x00.
            at += ImageLayout.PathTableRecordLength(identifier.Length);
        }

        return table;
    }
}
