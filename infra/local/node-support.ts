/**
 * Imported first by the local entry points: Node 20 is a supported prerequisite here (deployed
 * functions run Node 22), so the AWS SDK's notice about its future Node 22 requirement is noise.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
