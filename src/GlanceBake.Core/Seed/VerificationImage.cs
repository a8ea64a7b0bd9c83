using System.Buffers.Binary;

namespace GlanceBake.Core.Seed;

/// <summary>
/// The tiny image bake generates when the parameter file names none, so first boot needs no internet.
/// It is a real, empty disk of <see cref="VirtualSize"/> bytes in the requested format, so that Glance's format
/// inspector (and <c>require_image_format_match</c>, default from 2025.1) accepts it as that format.
/// </summary>
public static class VerificationImage
{
    /// <summary>Virtual disk size of generated images: 1 MiB.</summary>
    public const long VirtualSize = 1 << 20;

    private const int ClusterBits = 16;
    private const int ClusterSize = 1 << ClusterBits;

    /// <summary>File name of the verification image on the seed (<c>verify-image.qcow2</c>, <c>verify-image.raw</c>), generated or given.</summary>
    public static string FileName(string diskFormat) => $"verify-image.{diskFormat}";

    /// <summary>
    /// A generated image: <c>qcow2</c> (an empty version 2 image) or <c>raw</c> (zeros).
    /// Throws <see cref="ArgumentException"/> for other formats (validation reports GB2014 first).
    /// </summary>
    public static byte[] Generate(string diskFormat) => diskFormat switch
    {
        "qcow2" => Qcow2(),
        "raw" => new byte[VirtualSize],
        _ => throw new ArgumentException($"cannot generate a {diskFormat} image", nameof(diskFormat)),
    };

    /// <summary>
    /// An empty qcow2 version 2 image, laid out as qemu-img does: cluster 0 header, cluster 1 refcount table,
    /// cluster 2 refcount block (16-bit refcounts; clusters 0-3 in use), cluster 3 the L1 table (one zero entry:
    /// nothing allocated). Field offsets from the QEMU qcow2 specification (docs/interop/qcow2.txt), big-endian.
    /// </summary>
    private static byte[] Qcow2()
    {
        var image = new byte[4 * ClusterSize];
        var h = image.AsSpan();
        BinaryPrimitives.WriteUInt32BigEndian(h[0..], 0x514649FB);        // magic "QFI\xfb"
        BinaryPrimitives.WriteUInt32BigEndian(h[4..], 2);                 // version
        BinaryPrimitives.WriteUInt64BigEndian(h[8..], 0);                 // backing_file_offset: none
        BinaryPrimitives.WriteUInt32BigEndian(h[16..], 0);                // backing_file_size
        BinaryPrimitives.WriteUInt32BigEndian(h[20..], ClusterBits);      // cluster_bits
        BinaryPrimitives.WriteUInt64BigEndian(h[24..], VirtualSize);      // size
        BinaryPrimitives.WriteUInt32BigEndian(h[32..], 0);                // crypt_method: none
        BinaryPrimitives.WriteUInt32BigEndian(h[36..], 1);                // l1_size: entries
        BinaryPrimitives.WriteUInt64BigEndian(h[40..], 3 * ClusterSize);  // l1_table_offset
        BinaryPrimitives.WriteUInt64BigEndian(h[48..], 1 * ClusterSize);  // refcount_table_offset
        BinaryPrimitives.WriteUInt32BigEndian(h[56..], 1);                // refcount_table_clusters
        BinaryPrimitives.WriteUInt32BigEndian(h[60..], 0);                // nb_snapshots
        BinaryPrimitives.WriteUInt64BigEndian(h[64..], 0);                // snapshots_offset

        BinaryPrimitives.WriteUInt64BigEndian(h[ClusterSize..], 2 * ClusterSize); // refcount table[0] -> block
        for (var cluster = 0; cluster < 4; cluster++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(h[(2 * ClusterSize + (cluster * 2))..], 1);
        }

        return image;
    }
}
