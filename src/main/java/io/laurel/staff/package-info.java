/**
 * The staff console at {@code /staff}: a Chinese web UI for HR, association staff and admins that does what was
 * API-only before — campaigns from presets, roster / organisation / vote uploads with per-row reports, the
 * per-campaign dashboard with charts, exports, results and operator actions on phase timers. Shares its login
 * with the Camunda web apps (one session, both directions).
 */
package io.laurel.staff;
