/**
 * Imported first by `npm start`: the functions' Powertools instances read their settings when their
 * module is first imported (as in Lambda, where the environment is set before any code runs), and
 * the runtime's own imports load some of them before `startRuntime` sets the environment. Locally
 * no metrics are shipped anywhere, so their JSON lines would only bury what `npm start` prints.
 */
process.env.POWERTOOLS_SERVICE_NAME ??= "strawberry";
process.env.POWERTOOLS_METRICS_DISABLED ??= "true";
process.env.POWERTOOLS_TRACE_ENABLED ??= "false";
process.env.POWERTOOLS_LOG_LEVEL ??= process.argv.includes("--verbose") ? "INFO" : "WARN";
