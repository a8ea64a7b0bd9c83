namespace GlanceBake.Core.Diagnostics;

/// <summary>
/// Every diagnostic code GlanceBake emits. Codes are stable: never renumber or reuse one.
/// GB1xxx: reading the file; GB2xxx: values; GB3xxx: output; GB4xxx: inspecting a seed image (<c>glancebake inspect</c>).
/// </summary>
public static class DiagnosticCodes
{
    /// <summary>The file cannot be read or is not valid YAML.</summary>
    public const string YamlSyntax = "GB1001";

    /// <summary>A key the schema does not know (typo or wrong section).</summary>
    public const string UnknownKey = "GB1002";

    /// <summary>A value of the wrong kind (mapping, list or scalar; number, boolean or string).</summary>
    public const string WrongType = "GB1003";

    /// <summary>A required key is missing.</summary>
    public const string MissingKey = "GB1004";

    /// <summary>The same key twice in one mapping.</summary>
    public const string DuplicateKey = "GB1005";

    /// <summary>The <c>schema</c> version is not one this GlanceBake reads.</summary>
    public const string SchemaVersion = "GB1006";

    /// <summary>A value outside its fixed set of choices.</summary>
    public const string NotOneOf = "GB2001";

    /// <summary>Not an IPv4/IPv6 address (or CIDR where one is expected).</summary>
    public const string BadIpAddress = "GB2002";

    /// <summary>Not an absolute http(s) URL.</summary>
    public const string BadUrl = "GB2003";

    /// <summary>Not an RFC 1123 host name.</summary>
    public const string BadHostname = "GB2004";

    /// <summary>An OpenStack release GlanceBake does not know.</summary>
    public const string UnknownRelease = "GB2005";

    /// <summary>A distro/release pair that has no package source.</summary>
    public const string UnsupportedCombination = "GB2006";

    /// <summary>A file named in the parameters does not exist.</summary>
    public const string FileNotFound = "GB2007";

    /// <summary>A name that is not allowed here (database, user, project, service names).</summary>
    public const string BadName = "GB2008";

    /// <summary>Not <c>host:port</c>.</summary>
    public const string BadHostPort = "GB2009";

    /// <summary>Inconsistent store settings (default store not among the stores, unknown store).</summary>
    public const string BadStore = "GB2010";

    /// <summary>Not an absolute path.</summary>
    public const string BadPath = "GB2011";

    /// <summary>A value holding characters that cannot be carried safely (control characters, newlines).</summary>
    public const string BadCharacters = "GB2012";

    /// <summary>Warning: a pinned instance-id means a changed seed is not a new first boot for cloud-init.</summary>
    public const string PinnedInstanceId = "GB2013";

    /// <summary>The verification image cannot be generated for this disk format; give an image file.</summary>
    public const string NeedImageFile = "GB2014";

    /// <summary>A value that is valid but empty where something is needed.</summary>
    public const string EmptyValue = "GB2015";

    /// <summary>A file named in the parameters is larger than the seed can carry to every reader.</summary>
    public const string FileTooLarge = "GB2016";

    /// <summary>Warning (an error under <c>--strict</c>): a choice the target release deprecates or has removed, such
    /// as Keystone's admin port 35357 or Identity v2.0 from Queens on (<c>glancebake lint</c>).</summary>
    public const string DeprecatedForRelease = "GB2017";

    /// <summary>A secret's source is missing: <c>{env: NAME}</c> names an unset variable, <c>{file: PATH}</c> a file
    /// that does not exist, or a secrets file without the field's entry. Names the variable or path, never a value.</summary>
    public const string SecretSourceMissing = "GB2018";

    /// <summary>Warning (an error under <c>--strict</c>): a secret still holds one of the install guide's placeholder
    /// passwords (<c>GLANCE_DBPASS</c>, <c>GLANCE_PASS</c>, <c>ADMIN_PASS</c>, <c>DB_ROOT_PASS</c> ...).</summary>
    public const string PlaceholderSecret = "GB2019";

    /// <summary>The output folder cannot be written.</summary>
    public const string OutputIo = "GB3001";

    /// <summary>The output folder holds files GlanceBake did not write, or is the folder being worked in: refused.</summary>
    public const string OutputNotOurs = "GB3002";

    /// <summary>Warning: <c>bake --reveal</c> wrote real secret values into <c>review/</c>; do not commit it.</summary>
    public const string RevealedSecrets = "GB3003";

    /// <summary><c>bake --check</c>: a file of the committed review tree differs from what the parameters bake (or is
    /// missing, or new).</summary>
    public const string ReviewDiffers = "GB3004";

    /// <summary>Another bake is writing the same output folder (it holds the folder's lock file): exit 3 at once,
    /// nothing touched.</summary>
    public const string OutputBusy = "GB3005";

    /// <summary>The image cannot be read as ISO 9660 (no descriptor set, a record pointing outside the image).</summary>
    public const string IsoUnreadable = "GB4001";

    /// <summary>The volume label is not <c>cidata</c> or <c>CIDATA</c>, the two labels cloud-init's NoCloud looks for.</summary>
    public const string NoCloudLabel = "GB4002";

    /// <summary><c>user-data</c> or <c>meta-data</c> is not in the image's root under its Rock Ridge or Joliet name.</summary>
    public const string NoCloudFileMissing = "GB4003";

    /// <summary><c>meta-data</c> is not a YAML mapping holding <c>instance-id</c>.</summary>
    public const string NoCloudInstanceId = "GB4004";

    /// <summary><c>user-data</c> starts with no header cloud-init recognises (<c>#cloud-config</c>, <c>#!</c>, ...).</summary>
    public const string NoCloudUserDataHeader = "GB4005";
}
