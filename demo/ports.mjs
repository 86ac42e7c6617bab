// The ports `npm start` uses, each with the variable that changes it (shared by scripts/start.mjs, which runs
// before the build, and demo/server.mjs, which needs the build).
export const START_PORTS = [['PORT', 8080], ['SIMULATOR_PORT', 8081], ['INFO_PORT', 8082]];

/** The one line a busy port gets. */
export const busyPortLine = (port, name) => `Port ${port} is in use. Stop what uses it, or start on another port: ${name}=${port + 10} npm start`;
