using Recur.Cli;

return await RecurCli.Build().Parse(args).InvokeAsync();
