// How the standalone player asks its supervisor for a restart: it exits with this code after acking.

/**
 * EX_TEMPFAIL from sysexits.h: "try again later". Distinct from 0 (a clean stop) and 1 (a crash), so
 * logs tell a remote restart apart. Under systemd, `Restart=always` (or `RestartForceExitStatus=75`
 * with `Restart=on-failure`) starts the player again; without a supervisor the player stays down.
 */
export const RESTART_EXIT_CODE = 75;
