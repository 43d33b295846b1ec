package com.yieldpilot.risk;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * The stored incident list at a glance.
 *
 * @param count incidents stored
 * @param newest the day of the newest, null with none
 * @param newestName its protocol's name as the list spells it
 */
public record KnownIncidents(long count, @Nullable LocalDate newest, @Nullable String newestName) {
}
