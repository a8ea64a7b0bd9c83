using GlanceBake.Cli;

return GlanceBakeApp.Run(args, Console.Out, Console.Error, Environment.GetEnvironmentVariable);
