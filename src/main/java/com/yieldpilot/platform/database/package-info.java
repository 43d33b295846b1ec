/**
 * The database connection: an embedded PostgreSQL kept under the home folder when no
 * {@code spring.datasource.url} is set, otherwise the configured server, untouched.
 */
@NullMarked
package com.yieldpilot.platform.database;

import org.jspecify.annotations.NullMarked;
