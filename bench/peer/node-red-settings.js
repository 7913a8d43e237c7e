// Node-RED settings for scripts/bench-peer: loopback only, no editor or admin API, nothing that
// calls out (no diagnostics, no telemetry, no update notifications, no palette catalogue, no
// module installs), warnings only in the log. The port, user dir and SINK_URL come from the script.
module.exports = {
    uiHost: "127.0.0.1",
    uiPort: parseInt(process.env.PORT || "1880", 10),
    flowFile: "flows.json",
    flowFilePretty: true,
    credentialSecret: false,
    httpAdminRoot: false,
    httpNodeRoot: "/",
    disableEditor: true,
    diagnostics: { enabled: false, ui: false },
    telemetry: { enabled: false, updateNotification: false },
    runtimeState: { enabled: false, ui: false },
    externalModules: {
        autoInstall: false,
        palette: { allowInstall: false, allowUpdate: false, allowUpload: false },
        modules: { allowInstall: false }
    },
    editorTheme: { palette: { catalogues: [] }, projects: { enabled: false }, tours: false },
    logging: { console: { level: "warn", metrics: false, audit: false } },
    functionExternalModules: false,
    exportGlobalContextKeys: false
};
