namespace GlanceBake.Core.Parameters;

/// <summary>
/// The validated, immutable parameter file (schema 1). Built only by <see cref="ParameterLoader"/>; every value has
/// passed its check, and defaults are filled in. Group names follow the operator's view of the install guide.
/// </summary>
/// <param name="SourcePath">The parameter file as the user named it (used in diagnostics and the generated-by line).</param>
/// <param name="Target">Release and distro.</param>
/// <param name="Controller">The VM itself.</param>
/// <param name="Database">Glance's MariaDB database (guide steps 1, 2, 9).</param>
/// <param name="Keystone">The existing Keystone the guide assumes (steps 3, 5, 7, 10).</param>
/// <param name="Glance">Glance's service account, endpoints and options (steps 4-7, 9-13).</param>
/// <param name="Verification">The image uploaded to prove the service works (step 17).</param>
/// <param name="Packages">Whether first boot installs packages.</param>
public sealed record BakeParameters(
    string SourcePath,
    TargetParameters Target,
    ControllerParameters Controller,
    DatabaseParameters Database,
    KeystoneParameters Keystone,
    GlanceParameters Glance,
    VerificationParameters Verification,
    PackageParameters Packages);
