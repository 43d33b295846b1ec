package com.yieldpilot.risk;

/**
 * What an incident list's import did.
 *
 * @param read incidents in the list
 * @param added those not stored before
 * @param known incidents stored after the import
 */
public record IncidentImport(int read, int added, long known) {
}
